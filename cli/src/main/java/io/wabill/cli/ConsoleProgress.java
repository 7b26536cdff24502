package io.wabill.cli;

import io.wabill.app.Progress;
import java.io.PrintStream;

/**
 * A progress bar on stderr for runs longer than a second: share of the input bytes read (or of the days
 * generated, the runs priced), and the time so far.
 * Off when stderr is not a terminal or with {@code --quiet}; results never go to stderr.
 */
public final class ConsoleProgress implements Progress {
    private static final long DELAY_MS = 1000, PERIOD_MS = 250;
    private final PrintStream err;
    private final boolean bar;

    private final boolean quiet;

    public ConsoleProgress(PrintStream err, boolean bar) { this(err, bar, false); }

    /** @param quiet no notes either: what they say is also in the run's printed summary */
    public ConsoleProgress(PrintStream err, boolean bar, boolean quiet) {
        this.err = err;
        this.bar = bar;
        this.quiet = quiet;
    }

    /** A progress bar when stderr is a console, else silent except for notes. */
    public static ConsoleProgress forConsole(boolean quiet) {
        return new ConsoleProgress(System.err, !quiet && System.console() != null, quiet);
    }

    /** A remark for the user on stderr (not a result). */
    @Override public void note(String text) {
        if (!quiet) err.println("wabill: " + text);
    }

    /** Watches any pass whose share done (0 to 1) {@code share} tells, e.g. days generated or runs priced. */
    @Override public Progress.Ticket start(java.util.function.DoubleSupplier share) {
        Bar t = new Bar(share);
        if (bar) {
            Thread th = new Thread(t, "wabill-progress");
            th.setDaemon(true);
            t.thread = th;
            th.start();
        }
        return t;
    }

    /** One pass being watched, drawn by its own thread. */
    private final class Bar implements Runnable, Progress.Ticket {
        private final java.util.function.DoubleSupplier progress;
        private volatile boolean done;
        private Thread thread;
        private boolean drawn;

        Bar(java.util.function.DoubleSupplier progress) { this.progress = progress; }

        @Override public void run() {
            long start = System.currentTimeMillis();
            try {
                Thread.sleep(DELAY_MS);
                while (!done) {
                    double share = Math.max(0.0, Math.min(1.0, progress.getAsDouble()));
                    int filled = (int) Math.round(share * 30);
                    double seconds = (System.currentTimeMillis() - start) / 1000.0;
                    synchronized (err) {
                        err.printf("\r[%s%s] %3d%%  %.1f s", "#".repeat(filled), ".".repeat(30 - filled),
                                Math.round(share * 100), seconds);
                        err.flush();
                    }
                    drawn = true;
                    Thread.sleep(PERIOD_MS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override public void stop() {
            done = true;
            if (thread != null) {
                thread.interrupt();
                try {
                    thread.join(1000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                if (drawn) {
                    synchronized (err) {
                        err.print("\r" + " ".repeat(50) + "\r");
                        err.flush();
                    }
                }
            }
        }
    }
}
