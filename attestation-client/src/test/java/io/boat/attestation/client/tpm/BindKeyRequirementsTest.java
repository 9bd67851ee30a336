package io.boat.attestation.client.tpm;

import static io.boat.attestation.client.tpm.TpmFixtures.attributesOf;
import static io.boat.attestation.client.tpm.TpmFixtures.bytes;
import static io.boat.attestation.client.tpm.TpmFixtures.modulus;
import static io.boat.attestation.client.tpm.TpmFixtures.publicArea;
import static io.boat.attestation.client.tpm.TpmFixtures.rsaArea;
import static io.boat.attestation.client.tpm.TpmFixtures.text;
import static io.boat.attestation.client.tpm.TpmFixtures.withAttributes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class BindKeyRequirementsTest {
    private static BindKeyRequirements pcrBound() throws TpmFormatException {
        PcrSelection selection = PcrSelection.parse(text("pcr.selection"));
        return BindKeyRequirements.standard().withPcrPolicy(selection, selection.splitValues(bytes("pcr.values")));
    }

    @Test
    void check_tpm2ToolsBindKey_passesStandard() throws Exception {
        BindKeyRequirements.standard().check(TpmPublic.parseSized(bytes("bind.pub")));
        BindKeyRequirements.standard().check(TpmPublic.parseSized(bytes("pcrbind.pub")));
    }

    @Test
    void check_tpm2ToolsPcrBoundKey_passesPcrPolicy() throws Exception {
        assertThat(pcrBound().violations(TpmPublic.parseSized(bytes("pcrbind.pub")))).isEmpty();
    }

    @Test
    void check_keyWithoutPolicyWhenPcrPolicyRequired_namesUserWithAuthAndAuthPolicy() throws Exception {
        TpmPublic key = TpmPublic.parseSized(bytes("bind.pub"));

        assertThatThrownBy(() -> pcrBound().check(key)).isInstanceOf(UnusableBindKeyException.class)
            .extracting(e -> ((UnusableBindKeyException) e).reasons()).asList().satisfiesExactly(
                r -> assertThat(r.toString()).startsWith("userWithAuth is set"),
                r -> assertThat(r.toString()).startsWith("authPolicy is not TPM2_PolicyPCR over sha256:0,1,7"));
    }

    @Test
    void check_pcrBoundKeyAgainstChangedReference_namesAuthPolicy() throws Exception {
        PcrSelection selection = PcrSelection.parse(text("pcr.selection"));
        List<byte[]> values = new ArrayList<>(selection.splitValues(bytes("pcr.values")));
        values.set(0, new byte[32]);
        values.get(0)[31] = 1;
        BindKeyRequirements changed = BindKeyRequirements.standard().withPcrPolicy(selection, values);

        assertThat(changed.violations(TpmPublic.parseSized(bytes("pcrbind.pub"))))
            .singleElement().asString().startsWith("authPolicy is not TPM2_PolicyPCR");
    }

    @Test
    void check_pcrBoundKeyWithUserWithAuthSet_isRefused() throws Exception {
        byte[] area = publicArea("pcrbind.pub");
        TpmPublic key = TpmPublic.parse(withAttributes(area, attributesOf(area) | ObjectAttributes.USER_WITH_AUTH.mask()));

        assertThat(pcrBound().violations(key)).singleElement().asString().startsWith("userWithAuth is set");
    }

    @ParameterizedTest
    @EnumSource(value = ObjectAttributes.class, names = {"DECRYPT", "FIXED_TPM", "FIXED_PARENT", "SENSITIVE_DATA_ORIGIN"})
    void check_requiredAttributeClear_isRefusedNamingIt(ObjectAttributes attribute) throws Exception {
        byte[] area = publicArea("bind.pub");
        TpmPublic key = TpmPublic.parse(withAttributes(area, attributesOf(area) & ~attribute.mask()));

        assertThatThrownBy(() -> BindKeyRequirements.standard().check(key)).isInstanceOf(UnusableBindKeyException.class)
            .hasMessage("unusable bind key: " + attribute + " is not set");
    }

    @ParameterizedTest
    @EnumSource(value = ObjectAttributes.class, names = {"SIGN", "RESTRICTED"})
    void check_forbiddenAttributeSet_isRefusedNamingIt(ObjectAttributes attribute) throws Exception {
        byte[] area = publicArea("bind.pub");
        TpmPublic key = TpmPublic.parse(withAttributes(area, attributesOf(area) | attribute.mask()));

        assertThat(BindKeyRequirements.standard().violations(key)).containsExactly(attribute + " is set");
    }

    @Test
    void check_rsa1024_isRefusedNamingSize() throws Exception {
        int attrs = attributesOf(publicArea("bind.pub"));
        TpmPublic key = TpmPublic.parse(rsaArea(attrs, TpmAlg.NULL, 1024, modulus(128)));

        assertThat(BindKeyRequirements.standard().violations(key)).containsExactly("RSA key of 1024 bits is shorter than 2048");
    }

    @Test
    void check_rsassaScheme_isRefusedAsNotOaepCapable() throws Exception {
        int attrs = attributesOf(publicArea("bind.pub"));
        TpmPublic key = TpmPublic.parse(rsaArea(attrs, 0x0014, 2048, modulus(256)));

        assertThat(BindKeyRequirements.standard().violations(key)).containsExactly("scheme 0x0014 does not allow OAEP decryption");
        assertThat(BindKeyRequirements.standard().violations(TpmPublic.parse(rsaArea(attrs, TpmAlg.RSAES, 2048, modulus(256)))))
            .containsExactly("scheme 0x0015 does not allow OAEP decryption");
        assertThat(BindKeyRequirements.standard().violations(TpmPublic.parse(rsaArea(attrs, TpmAlg.OAEP, 2048, modulus(256)))))
            .isEmpty();
    }

    @Test
    void withPcrPolicy_valuesNotFittingSelection_failsAtConfiguration() throws Exception {
        PcrSelection selection = PcrSelection.of(TpmAlg.SHA256, 0, 1);

        assertThatThrownBy(() -> BindKeyRequirements.standard().withPcrPolicy(selection, List.of(new byte[32])))
            .isInstanceOf(TpmFormatException.class);
    }
}
