package io.boat.agent.image;

import java.io.PrintWriter;

/** Told how many bytes of an image have been processed; draws a bar on a terminal, nothing elsewhere. */
public interface Progress {
    void update(long bytesDone);

    void finish();

    /** No output at all (not a terminal, or tests). */
    static Progress none() {
        return new Progress() {
            @Override
            public void update(long bytesDone) {
            }

            @Override
            public void finish() {
            }
        };
    }

    /** A bar on the controlling terminal when there is one ({@code System.console() != null}), else {@link #none()}. */
    static Progress onTerminal(String label, long totalBytes) {
        return System.console() == null ? none() : new TerminalProgress(System.console().writer(), label, totalBytes);
    }
}

/** {@code label [#########           ]  45%  1.2/2.0 GiB}, redrawn in place when the percentage changes. */
final class TerminalProgress implements Progress {
    private static final int WIDTH = 30;
    private final PrintWriter out;
    private final String label;
    private final long total;
    private int shownPercent = -1;

    TerminalProgress(PrintWriter out, String label, long total) {
        this.out = out;
        this.label = label;
        this.total = Math.max(total, 1);
    }

    @Override
    public void update(long done) {
        int percent = (int) Math.min(100, done * 100 / total);
        if (percent == shownPercent) {
            return;
        }
        shownPercent = percent;
        int filled = percent * WIDTH / 100;
        out.printf("\r%s [%s%s] %3d%% %6.1f/%.1f MiB", label, "#".repeat(filled), " ".repeat(WIDTH - filled), percent,
            done / 1048576.0, total / 1048576.0);
        out.flush();
    }

    @Override
    public void finish() {
        if (shownPercent >= 0) {
            out.println();
            out.flush();
        }
    }
}
