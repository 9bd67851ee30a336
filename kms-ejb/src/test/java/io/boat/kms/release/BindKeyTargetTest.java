package io.boat.kms.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.interfaces.RSAPublicKey;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class BindKeyTargetTest {
    private static final RSAPublicKey PUB = (RSAPublicKey) ReleaseKeys.PAIR.getPublic();

    @Test
    void new_rsa1024_isRefusedAsUnusableBindKey() throws Exception {
        RSAPublicKey small = (RSAPublicKey) ReleaseKeys.generate(1024).getPublic();

        assertThatThrownBy(() -> new BindKeyTarget(small, ReleaseKeys.name(small), "r1"))
            .isInstanceOf(ReleaseException.class).hasMessage("RSA bind key of 1024 bits is shorter than 2048")
            .extracting(e -> ((ReleaseException) e).reason()).isEqualTo(ReleaseException.Reason.UNUSABLE_BIND_KEY);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 2, 21, 67})
    void new_nameOfImpossibleLength_isRefused(int length) {
        assertThatThrownBy(() -> new BindKeyTarget(PUB, new byte[length], "r1"))
            .isInstanceOf(ReleaseException.class).hasMessageContaining(length + " bytes is not a TPM name");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "has space", "quote\""})
    void new_badReportId_isRefused(String reportId) throws Exception {
        assertThatThrownBy(() -> new BindKeyTarget(PUB, ReleaseKeys.name(PUB), reportId))
            .isInstanceOf(ReleaseException.class).hasMessageContaining("trust report id");
    }

    @Test
    void new_reportIdOf129Characters_isRefused() throws Exception {
        assertThatThrownBy(() -> new BindKeyTarget(PUB, ReleaseKeys.name(PUB), "x".repeat(129)))
            .isInstanceOf(ReleaseException.class).hasMessageContaining("trust report id");
        assertThat(new BindKeyTarget(PUB, ReleaseKeys.name(PUB), "x".repeat(128)).reportId()).hasSize(128);
    }

    @Test
    void nameHex_isLowerCaseHexOfName() throws Exception {
        byte[] name = ReleaseKeys.name(PUB);
        name[2] = (byte) 0xAB;

        assertThat(new BindKeyTarget(PUB, name, "r1").nameHex()).startsWith("000bab").hasSize(68);
    }
}
