package io.boat.agent.vm;

import static org.assertj.core.api.Assertions.assertThat;

import io.boat.agent.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** launch's refusals; booting for real is VmBootIT. */
class LaunchCommandTest {
    @TempDir
    Path dir;

    @Test
    void launch_missingQemu_failsNamingTheProblem() throws Exception {
        Path disk = Files.write(dir.resolve("disk.raw"), new byte[4096]);
        StringWriter out = new StringWriter();
        int rc = Main.run(new PrintWriter(out), "launch", "--image", disk.toString(), "--qemu", dir.resolve("no-qemu").toString());
        assertThat(rc).isEqualTo(1);
        assertThat(out.toString()).contains("error (launch_failed)").contains("no-qemu");
    }

    @Test
    void launch_tarWithoutKernel_refusedAsNotABootBundle() throws Exception {
        Files.writeString(dir.resolve("readme"), "no kernel here");
        Path tar = dir.resolve("bundle.tar");
        assertThat(new ProcessBuilder("tar", "-cf", tar.toString(), "-C", dir.toString(), "readme").start().waitFor()).isZero();
        StringWriter out = new StringWriter();
        int rc = Main.run(new PrintWriter(out), "launch", "--image", tar.toString());
        assertThat(rc).isEqualTo(1);
        assertThat(out.toString()).contains("error (launch_failed): not a boot bundle");
    }

    @Test
    void launch_missingImage_fails() {
        StringWriter out = new StringWriter();
        int rc = Main.run(new PrintWriter(out), "launch", "--image", dir.resolve("absent.img").toString());
        assertThat(rc).isEqualTo(1);
        assertThat(out.toString()).contains("error (launch_failed)").contains("absent.img");
    }
}
