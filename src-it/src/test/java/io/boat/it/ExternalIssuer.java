package io.boat.it;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.Date;
import java.util.List;

/**
 * A stand-in for an external token issuer (Keycloak, Keystone's JWS provider): an ES256 key
 * pair whose public half the shared server trusts through MP-JWT's own settings.
 */
final class ExternalIssuer {

    static final String ISSUER = "https://issuer.example/realms/boat";
    static final KeyPair KEYS = generate();

    private ExternalIssuer() {
    }

    static String[] serverOptions() {
        return new String[] {
            "-Dmp.jwt.verify.publickey=" + Base64.getEncoder().encodeToString(KEYS.getPublic().getEncoded()),
            "-Dmp.jwt.verify.issuer=" + ISSUER};
    }

    /** A token for {@code subject} in {@code project} with {@code roles}, signed with {@code keys}. */
    static String token(KeyPair keys, String issuer, String subject, String project, List<String> roles,
                        long validSeconds) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer).subject(subject)
                .claim("preferred_username", subject).claim("groups", roles).claim("project_id", project)
                .issueTime(new Date()).expirationTime(new Date(System.currentTimeMillis() + validSeconds * 1000))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.ES256), claims);
        try {
            jwt.sign(new ECDSASigner((ECPrivateKey) keys.getPrivate()));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    static KeyPair generate() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            return g.generateKeyPair();
        } catch (NoSuchAlgorithmException | java.security.InvalidAlgorithmParameterException e) {
            throw new IllegalStateException(e);
        }
    }
}
