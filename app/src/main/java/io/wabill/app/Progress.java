package io.wabill.app;

import io.wabill.data.log.LogSource;
import java.util.function.DoubleSupplier;

/**
 * How a run tells its user how far it got: a share done per pass, and remarks that are not results (e.g. "the log is
 * not sorted; sorting it in memory"). The command line draws a bar on the console; a library caller may log, or
 * pass {@link #SILENT}.
 */
public interface Progress {
    /** Says nothing. */
    Progress SILENT = new Progress() {
        @Override public void note(String text) { }

        @Override public Ticket start(DoubleSupplier share) { return () -> { }; }
    };

    /** A remark for the user (not a result). */
    void note(String text);

    /** Watches a pass whose share done (0 to 1) {@code share} tells, e.g. days generated or runs priced. */
    Ticket start(DoubleSupplier share);

    /** Watches a pass over a log: the share of its bytes read. */
    default Ticket start(LogSource source) {
        return start(() -> source.bytesRead() / (double) Math.max(1, source.totalBytes()));
    }

    /** One pass being watched. */
    interface Ticket {
        /** The pass ended (also when it failed). */
        void stop();
    }
}
