package io.boat.kms.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.boat.kms.KmsException;
import io.boat.kms.config.BoatConfig;
import io.boat.kms.crypto.Rng;
import io.boat.kms.project.MasterKek;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.text.ParseException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Issues and verifies BOAT's tokens: RS256-signed JWTs in MicroProfile JWT's claim layout
 * ({@code iss}, {@code sub}, {@code upn}, {@code groups} for roles, {@code exp}, {@code iat},
 * {@code jti}) plus {@code project_id}/{@code project_name}. Tokens from an external issuer
 * (Keystone JWS, Keycloak) are accepted when {@code mp.jwt.verify.publickey} (PEM or base64 DER)
 * and {@code mp.jwt.verify.issuer} name it, the same settings MP-JWT uses.
 */
@Singleton
@Startup
@Lock(LockType.READ)
public class TokenService {

    static final String SIGNING_KEY_ID = "token-signing-rs256";
    /** {@code iat} in milliseconds: revocation compares it with the revocation time, and seconds are too coarse. */
    private static final String ISSUED_MILLIS = "iat_ms";
    private static final String SYSTEM = "system";

    @PersistenceContext(unitName = "boat")
    EntityManager em;

    @Inject
    MasterKek keys;

    @Inject
    BoatConfig config;

    @Inject
    TokenVerifier tokenVerifier;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.publickey")
    Optional<String> externalPublicKey;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.issuer")
    Optional<String> externalIssuer;

    @Inject
    @ConfigProperty(name = "boat.token.external.project-claim", defaultValue = "project_id")
    String externalProjectClaim;

    private RSASSASigner signer;
    private RSAPublicKey publicKey;
    private JWSVerifier ownVerifier;
    private JWSVerifier externalVerifier;

    @PostConstruct
    void init() {
        try {
            KeyPair pair = loadOrCreate();
            publicKey = (RSAPublicKey) pair.getPublic();
            signer = new RSASSASigner(pair.getPrivate());
            ownVerifier = new RSASSAVerifier(publicKey);
            if (externalPublicKey.isPresent() && externalIssuer.isPresent()) {
                externalVerifier = verifierFor(decodePublicKey(externalPublicKey.get()));
            }
        } catch (GeneralSecurityException | JOSEException e) {
            throw new IllegalStateException("token signing key unusable: " + e.getMessage(), e);
        }
    }

    private KeyPair loadOrCreate() throws GeneralSecurityException {
        String context = "boat-token-signing-v1";
        SigningKeyEntity row = em.find(SigningKeyEntity.class, SIGNING_KEY_ID);
        KeyFactory rsa = KeyFactory.getInstance("RSA");
        if (row == null) {
            KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
            gen.initialize(2048, Rng.get());
            KeyPair pair = gen.generateKeyPair();
            row = new SigningKeyEntity();
            row.id = SIGNING_KEY_ID;
            byte[] pkcs8 = pair.getPrivate().getEncoded();
            row.wrappedPrivateKey = keys.master().wrap(pkcs8, context);
            Arrays.fill(pkcs8, (byte) 0);
            row.publicKey = pair.getPublic().getEncoded();
            row.created = OffsetDateTime.now(ZoneOffset.UTC);
            em.persist(row);
            return pair;
        }
        byte[] pkcs8 = keys.master().unwrap(row.wrappedPrivateKey, context);
        try {
            return new KeyPair(rsa.generatePublic(new X509EncodedKeySpec(row.publicKey)),
                    rsa.generatePrivate(new PKCS8EncodedKeySpec(pkcs8)));
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
    }

    /**
     * Signs a token for an authentication, valid from now (whole seconds) for the configured
     * lifetime, or until the expiry a re-scoped token inherits.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public IssuedToken issue(Identity.Authentication auth) {
        // The exact instant goes into iat_ms: a token issued in the same second as a revocation,
        // but after it (a new password's first login), must not count as revoked.
        Instant now = Instant.now();
        Instant issued = now.truncatedTo(ChronoUnit.SECONDS);
        Instant expires = auth.expiresAt() != null ? auth.expiresAt() : issued.plusSeconds(config.tokenTtlSeconds());
        return new IssuedToken(issue(auth, now, issued, expires), issued, expires);
    }

    /** Signs a token for an authentication; returns the compact JWT. */
    private String issue(Identity.Authentication auth, Instant exactly, Instant issuedAt, Instant expiresAt) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(config.tokenIssuer())
                .subject(auth.user().id())
                .claim("upn", auth.user().name())
                .claim("groups", auth.roles())
                .claim("methods", auth.methods())
                .claim("audit_ids", auth.auditIds())
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(expiresAt))
                .claim(ISSUED_MILLIS, exactly.toEpochMilli())
                .jwtID(auth.auditIds().get(0));
        if (auth.system()) {
            claims.claim(SYSTEM, "all");
        }
        if (auth.project() != null) {
            claims.claim("project_id", auth.project().id()).claim("project_name", auth.project().name());
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
                .keyID(SIGNING_KEY_ID).build(), claims.build());
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("token signing failed", e);
        }
        return jwt.serialize();
    }

    /** Signature, issuer, expiry and revocation; any failure is a 401 that says nothing more. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public TokenClaims verify(String token) {
        return tokenVerifier.verify(token);
    }

    /**
     * Parses the token and verifies its signature and issuer, nothing else: {@link TokenVerifier}
     * caches the result and checks expiry and revocation on every use. Touches no database.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public TokenClaims verifySignature(String token) {
        return parseAndVerify(token);
    }

    private TokenClaims parseAndVerify(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            JWTClaimsSet c = jwt.getJWTClaimsSet();
            JWSAlgorithm alg = jwt.getHeader().getAlgorithm();
            boolean own = config.tokenIssuer().equals(c.getIssuer());
            JWSVerifier verifier;
            if (own && JWSAlgorithm.RS256.equals(alg)) {
                verifier = ownVerifier;
            } else if (externalVerifier != null && externalIssuer.get().equals(c.getIssuer())
                    && verifierAccepts(externalVerifier, alg)) {
                verifier = externalVerifier;
            } else {
                throw KmsException.unauthorized();
            }
            if (!jwt.verify(verifier) || c.getExpirationTime() == null || c.getSubject() == null) {
                throw KmsException.unauthorized();
            }
            String projectClaim = own ? "project_id" : externalProjectClaim;
            List<String> groups = Optional.ofNullable(c.getStringListClaim("groups")).orElse(List.of());
            List<String> methods = Optional.ofNullable(c.getStringListClaim("methods")).orElse(List.of("token"));
            Instant iat = c.getIssueTime() == null ? Instant.EPOCH : c.getIssueTime().toInstant();
            Long iatMillis = own ? c.getLongClaim(ISSUED_MILLIS) : null;
            if (iatMillis != null) {
                iat = Instant.ofEpochMilli(iatMillis);
            }
            List<String> auditIds = own ? Optional.ofNullable(c.getStringListClaim("audit_ids")).orElse(List.of())
                    : c.getJWTID() == null ? List.of() : List.of(c.getJWTID());
            String userName = Optional.ofNullable(c.getStringClaim("upn"))
                    .orElse(Optional.ofNullable(c.getStringClaim("preferred_username")).orElse(c.getSubject()));
            return new TokenClaims(c.getIssuer(), c.getJWTID(), c.getSubject(), userName,
                    c.getStringClaim(projectClaim), c.getStringClaim("project_name"), groups, methods, iat,
                    c.getExpirationTime().toInstant(), auditIds, own && "all".equals(c.getStringClaim(SYSTEM)));
        } catch (ParseException | JOSEException | ClassCastException e) {
            throw KmsException.unauthorized();
        }
    }

    private static boolean verifierAccepts(JWSVerifier verifier, JWSAlgorithm alg) {
        return verifier.supportedJWSAlgorithms().contains(alg);
    }

    private static JWSVerifier verifierFor(PublicKey key) throws JOSEException {
        if (key instanceof RSAPublicKey rsa) {
            return new RSASSAVerifier(rsa);
        }
        if (key instanceof ECPublicKey ec) {
            return new ECDSAVerifier(ec);
        }
        throw new JOSEException("unsupported external issuer key type " + key.getAlgorithm());
    }

    private static PublicKey decodePublicKey(String pemOrBase64) throws GeneralSecurityException {
        String b64 = pemOrBase64.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        byte[] der = Base64.getDecoder().decode(b64);
        for (String alg : List.of("RSA", "EC")) {
            try {
                return KeyFactory.getInstance(alg).generatePublic(new X509EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                // try the next key type
            }
        }
        throw new GeneralSecurityException("mp.jwt.verify.publickey is neither an RSA nor an EC public key");
    }

    /** The public key relying parties use to verify BOAT's tokens, as PEM. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public String publicKeyPem() {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .encodeToString(publicKey.getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }
}
