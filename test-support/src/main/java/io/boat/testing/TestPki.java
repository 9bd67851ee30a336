package io.boat.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A test PKI: a CA, a server certificate for 127.0.0.1 and localhost, and client certificates
 * carrying extendedKeyUsage clientAuth (PyKMIP requires it), written as PEM (for curl, openssl and
 * the Python side) and PKCS#12 (for Java and Payara). {@link #tlsFiles} writes a whole set,
 * including a client certificate from a CA the servers do not trust.
 */
public final class TestPki {

    public static final String PASSWORD = "changeit";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A certificate and its key. */
    public record Issued(KeyPair keys, X509Certificate cert) {
    }

    /**
     * The files {@link #tlsFiles} writes. Each PKCS#12 file is protected by {@link #PASSWORD} and
     * holds its key under the alias "server" or "client" with the chain up to its CA.
     */
    public record TlsFiles(Path caPem, Path trustStore, Path serverPem, Path serverKey, Path serverKeyStore,
                           Path clientPem, Path clientKey, Path clientKeyStore,
                           Path untrustedClientPem, Path untrustedClientKey, Path untrustedClientKeyStore) {
    }

    private TestPki() {
    }

    /**
     * Writes a CA (ca.pem, truststore.p12), a server certificate it issued for 127.0.0.1 and
     * localhost (server.pem, server.key, server.p12), a client certificate it issued (client.*),
     * and a client certificate with the same subject from another CA (untrusted-client.*).
     */
    public static TlsFiles tlsFiles(Path dir) throws IOException, GeneralSecurityException {
        Files.createDirectories(dir);
        Issued ca = ca("BOAT test CA");
        Issued server = server(ca);
        Issued client = client(ca, "boat-test-client");
        Issued otherCa = ca("Untrusted test CA");
        Issued untrusted = client(otherCa, "boat-test-client");
        TlsFiles f = new TlsFiles(dir.resolve("ca.pem"), dir.resolve("truststore.p12"),
                dir.resolve("server.pem"), dir.resolve("server.key"), dir.resolve("server.p12"),
                dir.resolve("client.pem"), dir.resolve("client.key"), dir.resolve("client.p12"),
                dir.resolve("untrusted-client.pem"), dir.resolve("untrusted-client.key"),
                dir.resolve("untrusted-client.p12"));
        writePem(f.caPem(), ca.cert());
        writeTrustStore(f.trustStore(), ca);
        writeLeaf(server, ca, "server", f.serverPem(), f.serverKey(), f.serverKeyStore());
        writeLeaf(client, ca, "client", f.clientPem(), f.clientKey(), f.clientKeyStore());
        writeLeaf(untrusted, otherCa, "client", f.untrustedClientPem(), f.untrustedClientKey(),
                f.untrustedClientKeyStore());
        return f;
    }

    private static void writeLeaf(Issued leaf, Issued ca, String alias, Path pem, Path key, Path keyStore)
            throws IOException, GeneralSecurityException {
        writePem(pem, leaf.cert());
        writePem(key, leaf.keys().getPrivate());
        writeKeyStore(keyStore, leaf, ca, alias);
    }

    public static KeyPair rsa() throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048, RANDOM);
        return g.generateKeyPair();
    }

    public static Issued ca(String cn) throws GeneralSecurityException {
        KeyPair kp = rsa();
        X500Name name = new X500Name("CN=" + cn);
        X509v3CertificateBuilder b = builder(name, name, kp);
        ext(b, Extension.basicConstraints, true, new BasicConstraints(true));
        ext(b, Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        return new Issued(kp, sign(b, kp));
    }

    public static Issued server(Issued ca) throws GeneralSecurityException {
        KeyPair kp = rsa();
        X509v3CertificateBuilder b = builder(new X500Name(ca.cert().getSubjectX500Principal().getName()),
                new X500Name("CN=127.0.0.1"), kp);
        try {
            b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.iPAddress, InetAddress.getLoopbackAddress().getHostAddress()),
                new GeneralName(GeneralName.dNSName, "localhost")}));
            b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
        } catch (IOException e) {
            throw new GeneralSecurityException(e);
        }
        return new Issued(kp, sign(b, ca.keys()));
    }

    public static Issued client(Issued ca, String cn) throws GeneralSecurityException {
        KeyPair kp = rsa();
        X509v3CertificateBuilder b = builder(new X500Name(ca.cert().getSubjectX500Principal().getName()),
                new X500Name("CN=" + cn), kp);
        ext(b, Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
        ext(b, Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
        return new Issued(kp, sign(b, ca.keys()));
    }

    private static void ext(X509v3CertificateBuilder b, org.bouncycastle.asn1.ASN1ObjectIdentifier oid, boolean critical,
                            org.bouncycastle.asn1.ASN1Encodable value) throws GeneralSecurityException {
        try {
            b.addExtension(oid, critical, value);
        } catch (IOException e) {
            throw new GeneralSecurityException(e);
        }
    }

    private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, KeyPair kp) {
        Instant now = Instant.now();
        return new JcaX509v3CertificateBuilder(issuer, new BigInteger(64, RANDOM).add(BigInteger.ONE),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(30))),
                subject, kp.getPublic());
    }

    private static X509Certificate sign(X509v3CertificateBuilder b, KeyPair signer) throws GeneralSecurityException {
        try {
            return new JcaX509CertificateConverter().getCertificate(
                    b.build(new JcaContentSignerBuilder("SHA256withRSA").build(signer.getPrivate())));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }

    public static void writePem(Path file, Object... objects) throws IOException {
        try (Writer w = Files.newBufferedWriter(file); JcaPEMWriter pem = new JcaPEMWriter(w)) {
            for (Object o : objects) {
                pem.writeObject(o);
            }
        }
    }

    /** PKCS#12 with the key and its chain under alias "client". */
    public static void writeKeyStore(Path file, Issued leaf, Issued ca) throws IOException, GeneralSecurityException {
        writeKeyStore(file, leaf, ca, "client");
    }

    /** PKCS#12 with the key and its chain under {@code alias}. */
    public static void writeKeyStore(Path file, Issued leaf, Issued ca, String alias)
            throws IOException, GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry(alias, leaf.keys().getPrivate(), PASSWORD.toCharArray(),
                new Certificate[] {leaf.cert(), ca.cert()});
        try (OutputStream out = Files.newOutputStream(file)) {
            ks.store(out, PASSWORD.toCharArray());
        }
    }

    /** PKCS#12 trust store holding the CA certificate. */
    public static void writeTrustStore(Path file, Issued ca) throws IOException, GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setCertificateEntry("ca", ca.cert());
        try (OutputStream out = Files.newOutputStream(file)) {
            ks.store(out, PASSWORD.toCharArray());
        }
    }
}
