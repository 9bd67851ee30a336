package io.boat.kms.release;

/** The two forms a released secret travels in, chosen by the agent's {@code Accept} header. */
public enum WrapFormat {
    /** Compact JWE ({@link JweWrap}): any secret size, bound to the trust report. */
    JWE("application/jose"),
    /** One RSA-OAEP "TPM2\0" block ({@link TpmOaepWrap}), as Intel SecL's key broker sends. */
    RAW("application/octet-stream");

    private final String mediaType;

    WrapFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }
}
