package io.boat.attestation.client.tpm;

import static io.boat.attestation.client.tpm.TpmFixtures.bytes;
import static io.boat.attestation.client.tpm.TpmFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PolicyPcrTest {
    @Test
    void digest_fixtureSelectionAndValues_equalsTpm2CreatepolicyDigest() throws Exception {
        PcrSelection selection = PcrSelection.parse(text("pcr.selection"));

        byte[] digest = PolicyPcr.digest(TpmAlg.SHA256, selection, selection.splitValues(bytes("pcr.values")));

        assertThat(digest).isEqualTo(bytes("pcr.policy"));
        assertThat(digest).isEqualTo(TpmPublic.parseSized(bytes("pcrbind.pub")).authPolicy());
    }

    @Test
    void digest_onePcrValueChanged_differs() throws Exception {
        PcrSelection selection = PcrSelection.parse(text("pcr.selection"));
        List<byte[]> values = new ArrayList<>(selection.splitValues(bytes("pcr.values")));
        values.set(2, values.get(2).clone());
        values.get(2)[0] ^= 1;

        assertThat(PolicyPcr.digest(TpmAlg.SHA256, selection, values)).isNotEqualTo(bytes("pcr.policy"));
    }

    @Test
    void marshal_sha256Pcrs017_isCountBankSizeofSelectAndBitmap() throws Exception {
        assertThat(HexFormat.of().formatHex(PcrSelection.of(TpmAlg.SHA256, 7, 0, 1).marshal()))
            .isEqualTo("00000001" + "000b" + "03" + "830000");
        assertThat(HexFormat.of().formatHex(PcrSelection.parse("sha1:23+sha256:8").marshal()))
            .isEqualTo("00000002" + "0004" + "03" + "000080" + "000b" + "03" + "000100");
    }

    @Test
    void digest_wrongNumberOfValues_failsAsInconsistent() throws Exception {
        PcrSelection selection = PcrSelection.of(TpmAlg.SHA256, 0, 1);

        assertThatThrownBy(() -> PolicyPcr.digest(TpmAlg.SHA256, selection, List.of(new byte[32])))
            .isInstanceOf(TpmFormatException.class).hasMessageContaining("1 PCR values for a selection of 2");
    }

    @Test
    void digest_valueOfWrongBankSize_failsAsInconsistent() throws Exception {
        PcrSelection selection = PcrSelection.of(TpmAlg.SHA256, 0);

        assertThatThrownBy(() -> PolicyPcr.digest(TpmAlg.SHA256, selection, List.of(new byte[20])))
            .isInstanceOf(TpmFormatException.class).hasMessageContaining("PCR 0 is not a 32-byte digest");
    }

    @Test
    void splitValues_lengthNotMatchingSelection_fails() throws Exception {
        PcrSelection selection = PcrSelection.of(TpmAlg.SHA256, 0, 1);

        assertThatThrownBy(() -> selection.splitValues(new byte[63])).isInstanceOf(TpmFormatException.class)
            .extracting(e -> ((TpmFormatException) e).problem()).isEqualTo(TpmFormatException.Problem.TRUNCATED);
        assertThatThrownBy(() -> selection.splitValues(new byte[65])).isInstanceOf(TpmFormatException.class)
            .extracting(e -> ((TpmFormatException) e).problem()).isEqualTo(TpmFormatException.Problem.TRAILING_BYTES);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sha256:0,1,7", "sha1:23+sha256:0,8"})
    void toString_isTpm2ToolsSyntaxThatParsesBack(String list) throws Exception {
        PcrSelection selection = PcrSelection.parse(list);

        assertThat(selection).hasToString(list);
        assertThat(PcrSelection.parse(selection.toString()).marshal()).isEqualTo(selection.marshal());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "sha256", "sha256:", "md5:0", "sha256:24", "sha256:0+sha256:1", "sha256:a", "sha256:0,,1"})
    void parse_badPcrList_fails(String list) {
        assertThatThrownBy(() -> PcrSelection.parse(list)).isInstanceOf(TpmFormatException.class);
    }
}
