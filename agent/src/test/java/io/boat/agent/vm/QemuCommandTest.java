package io.boat.agent.vm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QemuCommandTest {
    @TempDir
    Path dir;

    /** A stand-in for QEMU: records its arguments and stdin, then runs {@code body}. */
    private String fakeQemu(String body) throws Exception {
        Path script = dir.resolve("qemu");
        Files.writeString(script, "#!/bin/sh\necho \"$@\" > " + dir.resolve("argv") + "\n" + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script.toString();
    }

    @Test
    void kvmProbe_qemuQuitsWhenAsked_isUsable_andAskedForTheVmsCpuModelPaused() throws Exception {
        String qemu = fakeQemu("cat > " + dir.resolve("stdin") + "; exit 0");
        assertThat(QemuCommand.kvmProbe(qemu, Duration.ofSeconds(10))).isTrue();
        assertThat(Files.readString(dir.resolve("argv"))).contains("-enable-kvm -cpu host").contains("-S -qmp stdio");
        assertThat(Files.readString(dir.resolve("stdin"))).contains("qmp_capabilities").contains("\"quit\"");
    }

    @Test
    void kvmProbe_qemuAbortsSettingUpTheVcpu_isNotUsable() throws Exception {
        String qemu = fakeQemu("echo 'qemu-system-x86_64: error: failed to set MSR 0x10a to 0x69' >&2; kill -ABRT $$");
        assertThat(QemuCommand.kvmProbe(qemu, Duration.ofSeconds(10))).isFalse();
    }

    @Test
    void hardwareVirtualization_needsVmxOrSvmAmongTheFlags() {
        String intel = "processor\t: 0\nvendor_id\t: GenuineIntel\nflags\t\t: fpu vme de pse tsc msr vmx sse4_2 x2apic\n\n"
            + "processor\t: 1\nflags\t\t: fpu vme de pse tsc msr vmx sse4_2 x2apic\n";
        String amd = "processor\t: 0\nflags\t\t: fpu vme de svm lm\n";
        String sandboxed = "processor\t: 0\nflags\t\t: fpu vme de pse tsc msr pae hypervisor lm\n"
            + "vmx flags\t: vnmi preemption_timer\n";
        String lookalike = "processor\t: 0\nflags\t\t: fpu vmxe svm_lock lm\n";

        assertThat(QemuCommand.hardwareVirtualization(intel)).isTrue();
        assertThat(QemuCommand.hardwareVirtualization(amd)).isTrue();
        assertThat(QemuCommand.hardwareVirtualization(sandboxed)).isFalse();
        assertThat(QemuCommand.hardwareVirtualization(lookalike)).isFalse();
        assertThat(QemuCommand.hardwareVirtualization("")).isFalse();
    }

    @Test
    void kvmProbe_qemuHangsOrIsMissing_isNotUsable() throws Exception {
        assertThat(QemuCommand.kvmProbe(fakeQemu("sleep 30"), Duration.ofMillis(300))).isFalse();
        assertThat(QemuCommand.kvmProbe(dir.resolve("no-such-qemu").toString(), Duration.ofSeconds(5))).isFalse();
    }
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
