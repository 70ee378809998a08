/** paperwire's settings in layers: defaults, a properties file, {@code PAPERWIRE_*} environment, flags. */
package io.paperwire.app.config;
