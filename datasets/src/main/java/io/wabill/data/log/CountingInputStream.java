package io.wabill.data.log;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicLong;

/** Counts the bytes read from a file into a shared counter, for progress reporting. */
final class CountingInputStream extends FilterInputStream {
    private final AtomicLong counter;

    CountingInputStream(InputStream in, AtomicLong counter) {
        super(in);
        this.counter = counter;
    }

    @Override public int read() throws IOException {
        int b = super.read();
        if (b >= 0) counter.incrementAndGet();
        return b;
    }

    @Override public int read(byte[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        if (n > 0) counter.addAndGet(n);
        return n;
    }
}
