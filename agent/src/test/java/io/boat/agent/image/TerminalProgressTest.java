package io.boat.agent.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class TerminalProgressTest {
    @Test
    void update_redrawsInPlaceOnlyWhenThePercentageChanges() {
        StringWriter screen = new StringWriter();
        Progress p = new TerminalProgress(new PrintWriter(screen), "decrypting", 4L << 20);
        p.update(1L << 20);
        p.update((1L << 20) + 1);
        p.update(4L << 20);
        p.finish();
        String[] frames = screen.toString().split("\r", -1);
        assertThat(frames).hasSize(3);
        assertThat(frames[1]).startsWith("decrypting [#######").contains(" 25%").contains("1.0/4.0 MiB");
        assertThat(frames[2]).contains("[" + "#".repeat(30) + "] 100%").endsWith(System.lineSeparator());
    }

    @Test
    void finish_withoutUpdates_printsNothing() {
        StringWriter screen = new StringWriter();
        new TerminalProgress(new PrintWriter(screen), "x", 10).finish();
        assertThat(screen.toString()).isEmpty();
    }
}
