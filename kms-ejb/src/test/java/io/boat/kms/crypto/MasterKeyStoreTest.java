package io.boat.kms.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MasterKeyStoreTest {

    @TempDir
    Path dir;

    @Test
    void openOrCreate_thenReopen_unwrapsWhatWasWrapped() throws Exception {
        Path file = dir.resolve("master.p12");
        byte[] wrapped = MasterKeyStore.openOrCreate(file, "pw-1".toCharArray()).wrap(new byte[] {1, 2, 3}, "ctx");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        MasterKeyStore reopened = MasterKeyStore.openOrCreate(file, "pw-1".toCharArray());
        assertThat(reopened.unwrap(wrapped, "ctx")).containsExactly(1, 2, 3);
        assertThat(reopened.toString()).doesNotContain("pw-1");
    }

    @Test
    void unwrap_otherContext_fails() {
        MasterKeyStore m = MasterKeyStore.openOrCreate(dir.resolve("m.p12"), "pw".toCharArray());
        byte[] wrapped = m.wrap(new byte[32], "boat-project-kek-v1|a");
        assertThatThrownBy(() -> m.unwrap(wrapped, "boat-project-kek-v1|b")).isInstanceOf(CryptoException.class);
    }

    @Test
    void open_wrongPassword_failsNamingTheFileNotThePassword() {
        Path file = dir.resolve("m.p12");
        MasterKeyStore.openOrCreate(file, "right-password".toCharArray());
        assertThatThrownBy(() -> MasterKeyStore.openOrCreate(file, "wrong-password".toCharArray()))
                .isInstanceOf(CryptoException.class)
                .hasMessageContaining(file.toString())
                .hasMessageNotContaining("wrong-password").hasMessageNotContaining("right-password");
    }
}
