package io.wabill.cli;

import io.wabill.app.UserException;
import io.wabill.data.files.SafeText;
import io.wabill.data.log.LogFormatException;
import io.wabill.data.rates.CatalogLoadException;
import io.wabill.sim.api.PricingConfigException;
import io.wabill.sim.api.PricingProblemException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * What a command's failure tells the user: one line naming the file for bad input and for every I/O failure (exit 1),
 * a stack trace only for a fault of wabill's own (exit 3). Text from input files is escaped (SafeText), so a log's
 * header or cell cannot clear the screen or set the terminal's title.
 */
final class Failures {
    private Failures() {}

    static int report(Exception e, PrintWriter err) {
        Throwable t = e;
        while (t instanceof UncheckedIOException && t.getCause() != null) t = t.getCause();
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof OutOfMemoryError) {
                // A worker thread's (forecast runs): one line that says what to do, not a stack trace.
                err.println("wabill: out of memory (Java heap " + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB); give "
                        + "more with WABILL_JAVA_OPTS=-Xmx… or use a smaller input");
                err.flush();
                return ExitCodes.INTERNAL;
            }
        }
        // A total past what exact amounts hold, wherever it was summed (a lane's or a forecast run's thread too):
        // the input's size or rates, said in one line, never a wrapped number or a stack trace.
        for (Throwable c = e; c != null; c = c.getCause())
            if (c instanceof io.wabill.sim.money.AmountOverflowException) t = c;
        String line = userMessage(t);
        if (line != null) {
            // The core names options in API terms (statusHorizon): the user reads the flags (--status-horizon).
            err.println("wabill: " + SafeText.message(FlagNames.of(line)));
            err.flush();
            return ExitCodes.BAD_INPUT;
        }
        err.println("wabill: internal error, please report it with the command line that caused it:");
        e.printStackTrace(err);
        err.flush();
        return ExitCodes.INTERNAL;
    }

    /** The one-line message of a user's problem, or null when it is a fault of wabill's. */
    static String userMessage(Throwable t) {
        if (t instanceof UserException || t instanceof LogFormatException || t instanceof CatalogLoadException
                || t instanceof PricingProblemException || t instanceof PricingConfigException
                || t instanceof io.wabill.sim.money.AmountOverflowException)
            return t.getMessage();
        if (t instanceof FileSystemException f) return fileSystem(f);
        if (t instanceof IOException io) {
            // OutputException and InputFileException name their file; anything else at least says what happened.
            return io.getMessage() != null && !io.getMessage().isBlank() ? io.getMessage()
                    : "an input or output failed: " + io.getClass().getSimpleName();
        }
        return null;
    }

    private static String fileSystem(FileSystemException f) {
        String file = f.getFile() == null ? "a file" : f.getFile();
        String other = f.getOtherFile() == null ? "" : " (and " + f.getOtherFile() + ")";
        if (f instanceof NoSuchFileException) return "no such file: " + file + other;
        if (f instanceof AccessDeniedException) return "permission denied: " + file + other;
        if (f instanceof FileAlreadyExistsException) return file + ": a file of that name is in the way" + other;
        if (f instanceof NotDirectoryException) return file + ": not a folder" + other;
        if (f instanceof DirectoryNotEmptyException) return file + ": a folder that is not empty is in the way" + other;
        return file + other + ": " + (f.getReason() != null ? f.getReason() : f.getClass().getSimpleName());
    }
}
