package io.boat.agent.vm;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The QEMU (x86-64) command line for one VM: KVM when usable ({@link #kvmUsable}), else TCG; no
 * display, no default devices, the first serial port on stdio, and {@code -no-reboot} so a guest
 * reboot or panic ends QEMU instead of looping.
 *
 * @param kernel boot bundle kernel, or null for a disk image
 * @param initrd boot bundle initramfs, or null
 * @param disk raw disk image, or null for a boot bundle
 */
public record QemuCommand(String qemu, boolean kvm, int memoryMb, Path kernel, Path initrd, String append, Path disk) {
    public static final String DEFAULT_QEMU = "qemu-system-x86_64";
    public static final String DEFAULT_APPEND = "console=ttyS0 panic=-1";
    private static final List<String> KVM = List.of("-enable-kvm", "-cpu", "host");

    public QemuCommand {
        if (memoryMb < 16 || memoryMb > 1 << 20) {
            throw new IllegalArgumentException("Invalid memory " + memoryMb + " MB; must be between 16 and 1048576");
        }
        if ((disk == null) == (kernel == null)) {
            throw new IllegalArgumentException("boot either a kernel and initrd or a disk image");
        }
    }

    /** Whether this user may open {@code /dev/kvm} read-write. */
    public static boolean kvmDevice() {
        Path kvm = Path.of("/dev/kvm");
        return Files.isReadable(kvm) && Files.isWritable(kvm);
    }

    /**
     * Whether the CPU reports hardware virtualization (Intel VT-x {@code vmx}, AMD-V {@code svm}),
     * which KVM needs to run a guest. A {@code /dev/kvm} without it was seen in a sandboxed VM: QEMU
     * set up the vCPU and ran the firmware, then the Linux guest hung silently entering protected
     * mode until the launch's timeout, where TCG boots the same bundle in seconds.
     */
    public static boolean hardwareVirtualization() {
        try {
            return hardwareVirtualization(Files.readString(Path.of("/proc/cpuinfo"), StandardCharsets.US_ASCII));
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }

    static boolean hardwareVirtualization(String cpuinfo) {
        return cpuinfo.lines()
            .filter(line -> line.startsWith("flags"))
            .map(line -> " " + line.substring(line.indexOf(':') + 1) + " ")
            .anyMatch(flags -> flags.contains(" vmx ") || flags.contains(" svm "));
    }

    /**
     * Whether {@code qemu} can set up a vCPU with KVM and the CPU model {@link #argv()} asks for, once
     * {@link #kvmDevice()} has said {@code /dev/kvm} is accessible. That alone is not enough: under nested virtualization the host's KVM may refuse
     * an MSR that {@code -cpu host} sets, and QEMU then aborts before the guest runs ("failed to set
     * MSR 0x10a"). The probe starts QEMU paused, without a guest, and asks it over QMP to quit: QEMU
     * sets up the vCPU first, so a refusal ends it with an error instead. It takes tens of milliseconds.
     */
    public static boolean kvmUsable(String qemu) {
        return kvmProbe(qemu, Duration.ofSeconds(10));
    }

    static boolean kvmProbe(String qemu, Duration timeout) {
        List<String> argv = new ArrayList<>(List.of(qemu, "-machine", "q35", "-m", "16", "-nodefaults",
            "-display", "none", "-S", "-qmp", "stdio"));
        argv.addAll(KVM);
        try {
            Process p = new ProcessBuilder(argv).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            try (OutputStream in = p.getOutputStream()) {
                in.write("{\"execute\":\"qmp_capabilities\"}\n{\"execute\":\"quit\"}\n".getBytes(StandardCharsets.US_ASCII));
            } catch (IOException e) {
                // QEMU already ended (it aborted, or is not there): its exit status says which.
            }
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public List<String> argv() {
        List<String> a = new ArrayList<>(List.of(qemu, "-machine", "q35", "-m", Integer.toString(memoryMb),
            "-nodefaults", "-display", "none", "-serial", "stdio", "-no-reboot"));
        a.addAll(kvm ? KVM : List.of("-accel", "tcg"));
        if (kernel != null) {
            a.addAll(List.of("-kernel", kernel.toString(), "-initrd", initrd.toString(), "-append", append));
        } else {
            a.addAll(List.of("-drive", "file=" + disk.toString().replace(",", ",,") + ",format=raw,if=virtio"));
        }
        return a;
    }
}
