package io.wabill.data.webhooks;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;

/**
 * Lines of text, each held only up to a bound: a longer line is skipped to its end without being held, and
 * {@link #truncated()} says so, so one oversized line costs its bound in memory, not its length. Lines end at LF,
 * CR LF or CR, as {@link BufferedReader#readLine()} has them.
 */
final class BoundedLines implements Closeable {
    private final Reader in;
    private final int max;
    private final StringBuilder line = new StringBuilder();
    private boolean truncated;
    private int pending = -2;

    BoundedLines(Reader in, int maxChars) {
        this.in = new BufferedReader(in, 1 << 16);
        this.max = maxChars;
    }

    /** The next line without its end, "" when it was longer than the bound (see {@link #truncated()}), null at the end. */
    String readLine() throws IOException {
        line.setLength(0);
        truncated = false;
        int c = next();
        if (c == -1) return null;
        while (c != -1 && c != '\n' && c != '\r') {
            if (line.length() < max) line.append((char) c);
            else truncated = true;
            c = next();
        }
        if (c == '\r') {
            int d = next();
            if (d != '\n') pending = d;
        }
        if (truncated) line.setLength(0);
        return line.toString();
    }

    /** Whether the last line was longer than the bound and so was not kept. */
    boolean truncated() { return truncated; }

    private int next() throws IOException {
        if (pending != -2) {
            int c = pending;
            pending = -2;
            return c;
        }
        return in.read();
    }

    @Override public void close() throws IOException { in.close(); }
}
