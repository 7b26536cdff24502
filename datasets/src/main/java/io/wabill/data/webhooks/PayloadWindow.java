package io.wabill.data.webhooks;

import io.wabill.data.io.BadInputException;
import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * The characters of a payload stream, counted, so that one payload (one value of a JSON array or of a file of
 * concatenated payloads) cannot grow past a bound while the parser builds its tree: the read stops with a
 * {@link BadInputException} once the parser has taken more than the bound (plus its own read-ahead) since the
 * payload began.
 */
final class PayloadWindow extends FilterReader {
    /** Jackson reads ahead in buffers of a few thousand characters; a payload is allowed that much slack. */
    private static final int READ_AHEAD = 1 << 16;

    private final String file;
    private final int max;
    private long consumed;
    private long start = -1, line;

    PayloadWindow(Reader in, String file, int maxChars) {
        super(in);
        this.file = file;
        this.max = maxChars;
    }

    /** A payload begins at this character offset of the stream (the parser's count). */
    void start(long charOffset, long line) {
        this.start = Math.max(0, charOffset);
        this.line = line;
    }

    void stop() { start = -1; }

    @Override public int read() throws IOException {
        int c = super.read();
        if (c >= 0) count(1);
        return c;
    }

    @Override public int read(char[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        if (n > 0) count(n);
        return n;
    }

    private void count(int n) throws BadInputException {
        consumed += n;
        if (start >= 0 && consumed - start > (long) max + READ_AHEAD)
            throw new BadInputException(file, line, "", "a payload longer than " + max
                    + " characters (Meta sends at most 3 MB)");
    }
}
