package io.wabill.data.log;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * A gzip stream that refuses to become a bomb and names damage for what it is. A real message log compresses
 * about 10 to 20 times; a stream that has inflated more than {@link #MIN_CHECKED} bytes at more than
 * {@link #MAX_RATIO} times its compressed size is refused while it is read, so a few megabytes of crafted
 * gzip cannot occupy the disk, the heap or the hours of a run. Any failure of the gzip format itself (a file
 * that is not gzip, a truncated or corrupt stream) comes out as a {@link DamagedException}, which callers
 * report with the file's name instead of the library's bare message.
 */
final class GzipGuard extends FilterInputStream {
    /** Inflation factor past which a stream is taken for a bomb; logs stay far below it. */
    static final long MAX_RATIO = 100;
    /** Bytes inflated before the ratio is judged, so small files with a high ratio still read. */
    static final long MIN_CHECKED = 64L << 20;

    /** The gzip format failed: not gzip, truncated, or corrupt; or the stream inflated past the bound. */
    static final class DamagedException extends IOException {
        DamagedException(String message, Throwable cause) { super(message, cause); }
    }

    private final Compressed compressed;
    private long inflated;

    private GzipGuard(InputStream gzip, Compressed compressed) {
        super(gzip);
        this.compressed = compressed;
    }

    /** Opens a guarded gzip stream over {@code raw}; a stream that is not gzip fails here with a clear message. */
    static GzipGuard open(InputStream raw) throws DamagedException {
        Compressed counted = new Compressed(raw);
        try {
            return new GzipGuard(new GZIPInputStream(counted, 1 << 16), counted);
        } catch (EOFException e) {
            throw new DamagedException("the file ends inside its gzip header (an empty or truncated .gz file)", e);
        } catch (ZipException e) {
            throw new DamagedException("the file is not in gzip format although its name ends in .gz", e);
        } catch (IOException e) {
            throw new DamagedException("the gzip header cannot be read: " + e.getMessage(), e);
        }
    }

    @Override public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n <= 0 ? -1 : one[0] & 0xff;
    }

    @Override public int read(byte[] b, int off, int len) throws IOException {
        int n;
        try {
            n = super.read(b, off, len);
        } catch (EOFException e) {
            throw new DamagedException("the gzip stream ends early (a truncated .gz file)", e);
        } catch (ZipException e) {
            throw new DamagedException("the gzip stream is corrupt (" + e.getMessage() + ")", e);
        }
        if (n > 0) {
            inflated += n;
            if (inflated > MIN_CHECKED && inflated > MAX_RATIO * Math.max(1, compressed.count)) {
                throw new DamagedException(String.format(Locale.ROOT, "the gzip stream inflates more than %d times its "
                        + "size (%,d bytes from %,d): refused as a gzip bomb; a real log compresses about 10 to 20 "
                        + "times, decompress it yourself if it is one", MAX_RATIO, inflated, compressed.count), null);
            }
        }
        return n;
    }

    /** Counts the compressed bytes the inflater has taken. */
    private static final class Compressed extends FilterInputStream {
        long count;

        Compressed(InputStream in) { super(in); }

        @Override public int read() throws IOException {
            int b = super.read();
            if (b >= 0) count++;
            return b;
        }

        @Override public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) count += n;
            return n;
        }
    }
}
