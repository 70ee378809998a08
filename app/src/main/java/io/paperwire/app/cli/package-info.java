/** One class per {@code paperwire} command; each only parses, loads configuration, calls a service and reports. */
package io.paperwire.app.cli;
