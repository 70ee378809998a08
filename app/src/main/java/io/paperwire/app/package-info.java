/**
 * The paperwire launcher, the only module that wires everything together: {@link io.paperwire.app.Main} (the
 * {@code paperwire} command line), {@code config} (layered settings), {@code platform} (the embedded or external
 * Kafka platform and paperwire's topics) and {@code cli} (one class per command).
 */
package io.paperwire.app;
