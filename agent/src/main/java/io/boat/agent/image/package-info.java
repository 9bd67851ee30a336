/**
 * Encrypted VM images: the chunked, authenticated streaming format (README, "Encrypted VM images"),
 * the key sources that supply an image's key, and the {@code encrypt-image} / {@code decrypt-image}
 * commands.
 */
package io.boat.agent.image;
