package io.wabill.data.log;

import java.io.IOException;
import java.util.Locale;

/**
 * A CSV record longer than the scanner's bound ({@link ByteCsvScanner}): almost always an unbalanced quote that
 * swallowed the rest of the file, or a file that is no CSV at all. Reading stops there, so such input never fills
 * the heap.
 */
public final class RecordTooLongException extends IOException {
    private final long line;

    RecordTooLongException(long line, int maxRecord) {
        super(String.format(Locale.ROOT, "a row longer than %,d characters (an unbalanced quote, or not a CSV log?)",
                maxRecord));
        this.line = line;
    }

    /** The line the record starts on. */
    public long line() { return line; }
}
