package io.boat.attestation.service.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.boat.agent.tpm.AgentTpm;
import io.boat.agent.tpm.KeyBlob;
import io.boat.agent.tpm.Templates;
import io.boat.agent.tpm.TpmAddress;
import io.boat.attestation.client.tpm.KeyCertificationVerifier;
import io.boat.attestation.client.tpm.TpmPublic;
import io.boat.attestation.service.tpm.MakeCredential;
import io.boat.testing.Swtpm;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The agent's TSS.Java operations on a real swtpm against the service's plain-JCE counterparts. */
class AgentTpmInteropTest {
    private static Swtpm swtpm;
    private static AgentTpm tpm;
    private static KeyBlob ak;

    @BeforeAll
    static void start() throws Exception {
        swtpm = Swtpm.start();
        tpm = AgentTpm.open(TpmAddress.parse(swtpm.agentTpmOption()));
        ak = tpm.createAttestationKey();
    }

    @AfterAll
    static void stop() throws Exception {
        if (tpm != null) {
            tpm.close();
        }
        if (swtpm != null) {
            swtpm.close();
        }
    }

    @Test
    void ekCertificate_provisionedSwtpm_validatesAgainstLocalCaAndMatchesEk() throws Exception {
        byte[] ek = tpm.endorsementKey();
        TpmPublic validated = new EkCertificateValidator(swtpm.caCertificates()).validate(tpm.ekCertificate(), ek);
        assertThat(validated.keyBits()).isEqualTo(2048);
    }

    @Test
    void activateCredential_plainJavaMakeCredential_recoversSecret() throws Exception {
        TpmPublic ek = TpmPublic.parse(tpm.endorsementKey());
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        MakeCredential.Result made = new MakeCredential(new SecureRandom()).make(ek, ak.name(), secret);
        assertThat(tpm.activateCredential(ak, made.credentialBlob(), made.encryptedSecret())).isEqualTo(secret);
    }

    @Test
    void activateCredential_credentialForOtherName_isRefusedByTpm() throws Exception {
        TpmPublic ek = TpmPublic.parse(tpm.endorsementKey());
        byte[] otherName = ak.name();
        otherName[5] ^= 1;
        MakeCredential.Result made = new MakeCredential(new SecureRandom()).make(ek, otherName, new byte[32]);
        assertThatThrownBy(() -> tpm.activateCredential(ak, made.credentialBlob(), made.encryptedSecret()))
            .isInstanceOf(RuntimeException.class);
    }

    @Test
    void quote_agentQuote_verifiesWithJce() throws Exception {
        byte[] nonce = "0123456789abcdef0123456789abcdef".getBytes();
        AgentTpm.Signed q = tpm.quote(ak, nonce, List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 16));
        QuoteVerifier.VerifiedQuote v = new QuoteVerifier().verify(TpmPublic.parse(ak.publicArea()), nonce,
            new QuoteVerifier.Evidence(q.attest(), q.signature(), q.pcrValues()));
        assertThat(v.pcrValues()).hasSize(12);
    }

    @Test
    void certify_bindKey_verifies() throws Exception {
        KeyBlob bind = tpm.createBindKey(Templates.BIND_KEY_ATTRIBUTES);
        AgentTpm.Signed c = tpm.certify(bind, ak, new byte[0]);
        TpmPublic verified = new KeyCertificationVerifier().verify(TpmPublic.parse(ak.publicArea()), bind.publicArea(),
            c.attest(), c.signature());
        assertThat(verified.name()).isEqualTo(bind.name());
    }

    @Test
    void flushTransients_afterOperations_leavesNothingLoaded() {
        tpm.quote(ak, new byte[8], List.of(0));
        assertThat(tpm.flushTransients()).isZero();
    }
}
