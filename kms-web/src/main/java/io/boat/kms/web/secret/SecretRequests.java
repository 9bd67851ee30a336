package io.boat.kms.web.secret;

import io.boat.kms.InvalidRequestException;
import io.boat.kms.crypto.SecretBytes;
import io.boat.kms.secret.NewSecret;
import io.boat.kms.secret.Payload;
import io.boat.kms.web.support.UnsupportedContentTypeException;
import io.boat.kms.store.SecretKind;
import io.boat.kms.web.support.RequestFields;
import io.boat.kms.web.support.Utf8;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.function.Supplier;

/** Validates a {@code POST /v1/secrets} body into a {@link NewSecret}, with Barbican's rules and wording. */
final class SecretRequests {

    private SecretRequests() {
    }

    static NewSecret parse(JsonObject json) {
        RequestFields f = new RequestFields(json, "Secret");
        String name = f.string("name", 255);
        String typeWire = f.string("secret_type", 16);
        SecretKind kind = typeWire == null ? SecretKind.OPAQUE : SecretKind.fromWire(typeWire)
                .orElseThrow(() -> f.invalid("secret_type", "secret_type is not one of "
                        + "['symmetric', 'public', 'private', 'passphrase', 'certificate', 'opaque']"));
        String algorithm = f.string("algorithm", 255);
        Integer bitLength = f.integer("bit_length", 0, 1 << 20);
        String mode = f.string("mode", 255);
        var expiration = f.dateTime("expiration");
        String payload = f.string("payload", Integer.MAX_VALUE);
        String contentType = f.string("payload_content_type", 255);
        String encoding = f.string("payload_content_encoding", 255);

        if (payload == null) {
            if (f.has("payload") || contentType != null || encoding != null) {
                throw f.invalid("payload", "If 'payload' is not specified, then 'payload_content_type' "
                        + "and 'payload_content_encoding' must not be specified either");
            }
            return new NewSecret(name, kind, algorithm, bitLength, mode, expiration, null, null);
        }
        if (payload.isEmpty()) {
            throw f.invalid("payload", "If 'payload' specified, must be non empty");
        }
        if (contentType == null) {
            throw f.invalid("payload_content_type", "payload_content_type is required when payload is given");
        }
        String canonical = ContentTypes.normalise(contentType).orElseThrow(() -> f.invalid("payload_content_type",
                "payload_content_type is not one of " + ContentTypes.supportedList()));
        return new NewSecret(name, kind, algorithm, bitLength, mode, expiration,
                decode(f, payload, canonical, encoding), canonical);
    }

    private static SecretBytes decode(RequestFields f, String payload, String contentType, String encoding) {
        if (ContentTypes.isText(contentType)) {
            if (encoding != null) {
                throw f.invalid("payload_content_encoding",
                        "payload_content_encoding must not be given for text/plain payloads");
            }
            return SecretBytes.wrap(Utf8.encode(payload, "The payload"));
        }
        if (!"base64".equals(encoding)) {
            throw f.invalid("payload_content_encoding", "payload_content_encoding is not one of ['base64', 'binary']");
        }
        return base64(payload);
    }

    /**
     * The body of a two-step {@code PUT}: the raw bytes in a supported Content-Type, or base64
     * text for a binary type when Content-Encoding says so. The type is checked before the body is read.
     */
    static Payload upload(String contentType, String encoding, Supplier<byte[]> body) {
        String canonical = ContentTypes.normalise(contentType).orElseThrow(
                () -> new UnsupportedContentTypeException("Unsupported Media Type: Content-Type must be one of "
                        + ContentTypes.supportedList()));
        byte[] raw = body.get();
        if (raw.length == 0) {
            throw new InvalidRequestException("No payload provided.");
        }
        if (ContentTypes.isText(canonical)) {
            try {
                Utf8.check(raw, "The payload");
            } catch (InvalidRequestException e) {
                Arrays.fill(raw, (byte) 0);
                throw e;
            }
        }
        if (encoding == null || encoding.isBlank()) {
            return new Payload(canonical, SecretBytes.wrap(raw));
        }
        try {
            if ("base64".equalsIgnoreCase(encoding.trim()) && !ContentTypes.isText(canonical)) {
                return new Payload(canonical, base64(new String(raw, StandardCharsets.US_ASCII)));
            }
            throw new InvalidRequestException("Invalid Content-Encoding: only base64 is supported, for binary payloads");
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    static SecretBytes base64(String payload) {
        try {
            return SecretBytes.wrap(Base64.getMimeDecoder().decode(strictBase64(payload)));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("Error while attempting to decode payload: invalid base64.");
        }
    }

    /** The MIME decoder ignores line breaks but must not silently skip other garbage. */
    private static String strictBase64(String s) {
        String compact = s.replace("\r", "").replace("\n", "");
        if (!compact.matches("[A-Za-z0-9+/]*={0,2}") || compact.length() % 4 != 0) {
            throw new IllegalArgumentException("not base64");
        }
        return compact;
    }
}
