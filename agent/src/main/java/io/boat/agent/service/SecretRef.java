package io.boat.agent.service;

import java.net.URI;
import java.util.regex.Pattern;

/**
 * A Barbican secret reference, {@code http(s)://HOST[:PORT][/PREFIX]/v1/secrets/ID}, validated at
 * construction. The {@link #id()} names the key inside encrypted images, so an image still matches
 * its secret when the compute host reaches BOAT under another host name than the owner did.
 */
public record SecretRef(URI uri, String id) {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

    public static SecretRef parse(String ref) {
        URI uri;
        try {
            uri = URI.create(ref.endsWith("/") ? ref.substring(0, ref.length() - 1) : ref);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid secret ref '" + ref + "': not a URL");
        }
        String path = uri.getPath() == null ? "" : uri.getPath();
        int slash = path.lastIndexOf('/');
        String id = path.substring(slash + 1);
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getQuery() != null
                || !path.substring(0, Math.max(slash, 0)).endsWith("/secrets") || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("Invalid secret ref '" + ref
                + "'; expected http(s)://HOST[:PORT]/v1/secrets/ID");
        }
        return new SecretRef(uri, id);
    }

    /** {@code GET} here with {@code Accept: application/octet-stream} returns the raw key. */
    public URI payload() {
        return URI.create(uri + "/payload");
    }

    @Override
    public String toString() {
        return uri.toString();
    }
}
