package io.wabill.data.io;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Opens input files with their bounds enforced while the bytes are read, never after buffering them: a gzip file
 * may not decompress to more than a stated size, nor to more than a stated ratio of its compressed size once past
 * a small grace (a gzip bomb expands a thousand-fold, real logs and webhook dumps ten- to thirty-fold); a plain
 * file may not be larger than a stated size. A gzip stream that is damaged or cut short is a
 * {@link BadInputException} naming the file ("not a readable gzip file: Unexpected end of ZLIB input stream"),
 * not a bare {@code ZipException}.
 *
 * <p>Shared by every reader of user files: rate cards and the other small tables, webhook dumps, and the
 * canonical log reader.
 */
public final class BoundedInput {
    /** How much a file may hold. */
    public record Limits(long maxBytes, long maxRatio, long ratioGraceBytes) {
        public Limits {
            if (maxBytes <= 0 || maxRatio <= 0 || ratioGraceBytes < 0)
                throw new IllegalArgumentException("input limits must be positive");
        }

        /** The same limits with another size bound. */
        public Limits withMaxBytes(long bytes) { return new Limits(bytes, maxRatio, ratioGraceBytes); }
    }

    /**
     * Message logs and webhook dumps: up to 1 TiB decompressed (a stream is never held whole, so the size bound
     * is only a sanity bound), and at most 200 times the compressed size past the first 8 MiB.
     */
    public static final Limits STREAMS = new Limits(1L << 40, 200, 8L << 20);

    /** Small tables read whole into memory (cards, market map, coverage, accounts): 64 MiB, same ratio. */
    public static final Limits TABLES = new Limits(64L << 20, 200, 1L << 20);

    private BoundedInput() {}

    /** True when the file's name ends in {@code .gz}. */
    public static boolean isGzipName(Path file) {
        return file.getFileName() != null && file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".gz");
    }

    /** Opens a file, gunzipping a {@code .gz} one, with the limits checked as it is read. */
    public static InputStream open(Path file, Limits limits) throws IOException {
        return open(file, file.toString(), limits);
    }

    /** As {@link #open(Path, Limits)}, naming the file {@code name} in errors. */
    public static InputStream open(Path file, String name, Limits limits) throws IOException {
        InputStream raw = Files.newInputStream(file);
        try {
            return isGzipName(file) ? gunzip(raw, name, limits) : limit(raw, name, limits);
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    /** A plain stream that fails with {@link BadInputException} past {@code limits.maxBytes()}. */
    public static InputStream limit(InputStream raw, String name, Limits limits) {
        return new Bounded(raw, null, name, limits);
    }

    /** Gunzips {@code raw} (compressed bytes) with the size and ratio bounds; damage is a {@link BadInputException}. */
    public static InputStream gunzip(InputStream raw, String name, Limits limits) throws IOException {
        Counting compressed = new Counting(raw);
        GZIPInputStream gz;
        try {
            gz = new GZIPInputStream(compressed, 1 << 16);
        } catch (ZipException | EOFException e) {
            throw damaged(name, e);
        }
        return new Bounded(gz, compressed, name, limits);
    }

    static BadInputException damaged(String name, IOException e) {
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new BadInputException(name, 0, "", "not a readable gzip file: " + why
                + " (the file is damaged, cut short, or not gzip despite its .gz name)", e);
    }

    /** Counts the compressed bytes the inflater has taken. */
    private static final class Counting extends FilterInputStream {
        long count;

        Counting(InputStream in) { super(in); }

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

        @Override public long skip(long n) throws IOException {
            long s = super.skip(n);
            count += s;
            return s;
        }
    }

    /** Counts the bytes handed out and stops at the bounds; turns gzip damage into a {@link BadInputException}. */
    private static final class Bounded extends FilterInputStream {
        private final Counting compressed;
        private final String name;
        private final Limits limits;
        private long count;

        Bounded(InputStream in, Counting compressed, String name, Limits limits) {
            super(in);
            this.compressed = compressed;
            this.name = name;
            this.limits = limits;
        }

        @Override public int read() throws IOException {
            int b;
            try {
                b = super.read();
            } catch (ZipException | EOFException e) {
                throw compressed == null ? e : damaged(name, e);
            }
            if (b >= 0) check(1);
            return b;
        }

        @Override public int read(byte[] b, int off, int len) throws IOException {
            int n;
            try {
                n = super.read(b, off, len);
            } catch (ZipException | EOFException e) {
                throw compressed == null ? e : damaged(name, e);
            }
            if (n > 0) check(n);
            return n;
        }

        @Override public long skip(long n) throws IOException {
            byte[] sink = new byte[(int) Math.min(8192, Math.max(1, n))];
            long done = 0;
            while (done < n) {
                int r = read(sink, 0, (int) Math.min(sink.length, n - done));
                if (r < 0) break;
                done += r;
            }
            return done;
        }

        @Override public boolean markSupported() { return false; }

        private void check(int n) throws BadInputException {
            count += n;
            if (count > limits.maxBytes()) {
                throw new BadInputException(name, 0, "", (compressed == null ? "larger than " : "decompresses to more than ")
                        + limits.maxBytes() + " bytes, the most this input may hold");
            }
            if (compressed != null && count > limits.ratioGraceBytes()
                    && count / Math.max(1, compressed.count) > limits.maxRatio()) {
                throw new BadInputException(name, 0, "", "decompresses to more than " + limits.maxRatio()
                        + " times its compressed size (" + count + " bytes from " + compressed.count
                        + "); real data compresses far less, so this looks like a gzip bomb and is not read further");
            }
        }
    }
}
