package io.boat.agent.vm;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code launch}: boots a decrypted image with QEMU, the serial console copied to our stdout, and
 * returns QEMU's exit code. QEMU is killed when the timeout passes or the agent is stopped.
 */
@Command(name = "launch", mixinStandardHelpOptions = true,
    description = "Boot a decrypted image with QEMU: a boot bundle (tar of vmlinuz + initrd.img) or a raw disk image.")
public final class LaunchCommand implements Callable<Integer> {
    static final int EXIT_TIMEOUT = 124;

    @Spec
    CommandSpec spec;

    @Option(names = "--image", required = true, description = "Decrypted image: boot bundle tar or raw disk")
    Path image;

    @Option(names = "--memory", defaultValue = "512", description = "Guest memory in MB (default ${DEFAULT-VALUE})")
    int memoryMb;

    @Option(names = "--qemu", defaultValue = QemuCommand.DEFAULT_QEMU, description = "QEMU binary (default ${DEFAULT-VALUE})")
    String qemu;

    @Option(names = "--append", defaultValue = QemuCommand.DEFAULT_APPEND,
        description = "Kernel command line for a boot bundle (default '${DEFAULT-VALUE}')")
    String append;

    @Option(names = "--timeout", description = "Kill the VM after SECONDS (exit code 124)")
    Long timeoutSeconds;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try {
            boolean kvm = kvm();
            if (!BootBundle.isBundle(image)) {
                return run(new QemuCommand(qemu, kvm, memoryMb, null, null, null, image), out);
            }
            try (BootBundle bundle = BootBundle.extract(image)) {
                return run(new QemuCommand(qemu, kvm, memoryMb, bundle.kernel(), bundle.initrd(), append, null), out);
            }
        } catch (IOException | IllegalArgumentException e) {
            out.flush();
            spec.commandLine().getErr().println("error (launch_failed): " + e.getMessage());
            spec.commandLine().getErr().flush();
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    /** KVM when QEMU can use it; a present but unusable {@code /dev/kvm} is said, since TCG is far slower. */
    private boolean kvm() {
        if (!QemuCommand.kvmDevice()) {
            return false;
        }
        if (!QemuCommand.hardwareVirtualization()) {
            return withoutKvm("the CPU reports no hardware virtualization (vmx/svm)");
        }
        if (QemuCommand.kvmUsable(qemu)) {
            return true;
        }
        return withoutKvm("QEMU cannot start a vCPU with it");
    }

    private boolean withoutKvm(String why) {
        spec.commandLine().getErr().println("warning: /dev/kvm is present but " + why
            + "; running the VM without KVM (TCG, much slower)");
        spec.commandLine().getErr().flush();
        return false;
    }

    private int run(QemuCommand command, PrintWriter out) throws IOException, InterruptedException {
        // Typing reaches the guest console only on a terminal; elsewhere our stdin may be someone
        // else's channel (a test runner's), which QEMU must not read.
        Process qemuProcess = new ProcessBuilder(command.argv()).redirectErrorStream(true)
            .redirectInput(System.console() != null ? ProcessBuilder.Redirect.INHERIT
                : ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        Thread killer = new Thread(qemuProcess::destroyForcibly, "kill-qemu");
        Runtime.getRuntime().addShutdownHook(killer);
        Thread console = new Thread(() -> copy(qemuProcess.getInputStream(), out), "qemu-console");
        console.start();
        try {
            boolean exited = timeoutSeconds == null ? waitFor(qemuProcess) : qemuProcess.waitFor(timeoutSeconds, TimeUnit.SECONDS);
            if (!exited) {
                qemuProcess.destroyForcibly().waitFor();
                console.join();
                spec.commandLine().getErr().println("error (timeout): VM still running after " + timeoutSeconds + " s; killed");
                spec.commandLine().getErr().flush();
                return EXIT_TIMEOUT;
            }
            console.join();
            return qemuProcess.exitValue();
        } finally {
            qemuProcess.destroyForcibly();
            Runtime.getRuntime().removeShutdownHook(killer);
        }
    }

    private static boolean waitFor(Process p) throws InterruptedException {
        p.waitFor();
        return true;
    }

    /** Line by line, so the console shows up as the guest prints it. */
    private static void copy(InputStream in, PrintWriter out) {
        try (var reader = new java.io.BufferedReader(new java.io.InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                out.println(line);
                out.flush();
            }
        } catch (IOException e) {
            // QEMU went away: nothing more to show
        }
    }
}
