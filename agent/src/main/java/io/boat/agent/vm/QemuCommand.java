package io.boat.agent.vm;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The QEMU (x86-64) command line for one VM: KVM when usable, else TCG; no display, no default
 * devices, the first serial port on stdio, and {@code -no-reboot} so a guest reboot or panic ends
 * QEMU instead of looping.
 *
 * @param kernel boot bundle kernel, or null for a disk image
 * @param initrd boot bundle initramfs, or null
 * @param disk raw disk image, or null for a boot bundle
 */
public record QemuCommand(String qemu, boolean kvm, int memoryMb, Path kernel, Path initrd, String append, Path disk) {
    public static final String DEFAULT_QEMU = "qemu-system-x86_64";
    public static final String DEFAULT_APPEND = "console=ttyS0 panic=-1";

    public QemuCommand {
        if (memoryMb < 16 || memoryMb > 1 << 20) {
            throw new IllegalArgumentException("Invalid memory " + memoryMb + " MB; must be between 16 and 1048576");
        }
        if ((disk == null) == (kernel == null)) {
            throw new IllegalArgumentException("boot either a kernel and initrd or a disk image");
        }
    }

    /** KVM is usable when this user may open {@code /dev/kvm} read-write. */
    public static boolean kvmUsable() {
        Path kvm = Path.of("/dev/kvm");
        return Files.isReadable(kvm) && Files.isWritable(kvm);
    }

    public List<String> argv() {
        List<String> a = new ArrayList<>(List.of(qemu, "-machine", "q35", "-m", Integer.toString(memoryMb),
            "-nodefaults", "-display", "none", "-serial", "stdio", "-no-reboot"));
        a.addAll(kvm ? List.of("-enable-kvm", "-cpu", "host") : List.of("-accel", "tcg"));
        if (kernel != null) {
            a.addAll(List.of("-kernel", kernel.toString(), "-initrd", initrd.toString(), "-append", append));
        } else {
            a.addAll(List.of("-drive", "file=" + disk.toString().replace(",", ",,") + ",format=raw,if=virtio"));
        }
        return a;
    }
}
