package io.boat.kms.secret;

import java.util.Optional;

/**
 * What a client accepts for a payload (its {@code Accept} header, as the web layer reads it):
 * given the content type a secret was stored with, the content type to answer with, or empty
 * when the client accepts nothing the secret can be returned as.
 */
@FunctionalInterface
public interface AcceptedTypes {

    Optional<String> responseTypeFor(String storedContentType);
}
