package io.boat.agent.vm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class QemuCommandTest {
    @Test
    void argv_bootBundleWithoutKvm_usesTcgKernelInitrdAndSerialOnStdio() {
        var c = new QemuCommand("qemu-system-x86_64", false, 256, Path.of("/t/vmlinuz"), Path.of("/t/initrd.img"),
            "console=ttyS0 panic=-1", null);
        assertThat(c.argv()).containsSubsequence("-m", "256")
            .containsSubsequence("-serial", "stdio").contains("-nodefaults", "-no-reboot")
            .containsSubsequence("-accel", "tcg").doesNotContain("-enable-kvm")
            .containsSubsequence("-kernel", "/t/vmlinuz", "-initrd", "/t/initrd.img", "-append", "console=ttyS0 panic=-1");
    }

    @Test
    void argv_diskWithKvm_attachesTheDiskRawAndEnablesKvm() {
        var c = new QemuCommand("/opt/qemu", true, 1024, null, null, null, Path.of("/img/a,b.raw"));
        assertThat(c.argv().get(0)).isEqualTo("/opt/qemu");
        assertThat(c.argv()).contains("-enable-kvm").doesNotContain("tcg", "-kernel")
            .containsSubsequence("-drive", "file=/img/a,,b.raw,format=raw,if=virtio");
    }

    @Test
    void create_tinyMemory_failsNamingTheValue() {
        assertThatThrownBy(() -> new QemuCommand("q", false, 8, null, null, null, Path.of("d")))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Invalid memory 8 MB");
    }

    @Test
    void create_bothKernelAndDisk_fails() {
        assertThatThrownBy(() -> new QemuCommand("q", false, 64, Path.of("k"), Path.of("i"), "", Path.of("d")))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("either");
    }
}
