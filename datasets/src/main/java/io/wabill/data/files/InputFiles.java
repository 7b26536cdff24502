package io.wabill.data.files;

import io.wabill.data.io.BadInputException;
import io.wabill.data.io.BoundedInput;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.ZipException;

/**
 * Opens input files so that every failure to read them names the file: {@code ZipException: Not in GZIP format} or
 * {@code EOFException: Unexpected end of ZLIB input stream} alone say nothing about which of several inputs is bad.
 */
public final class InputFiles {
    private InputFiles() {}

    /** Something that opens a stream and may fail. */
    @FunctionalInterface
    public interface Opener {
        InputStream open() throws IOException;
    }

    /**
     * The file's bytes, decompressed when its name ends with {@code .gz}, with the bounds of {@link BoundedInput} (a
     * gzip bomb is refused while it is read); every read failure names the file.
     */
    public static InputStream open(Path file) throws IOException {
        return named(file, () -> BoundedInput.open(file, BoundedInput.STREAMS));
    }

    /** The stream {@code opener} makes, with failures to open or read it turned into one line naming {@code file}. */
    public static InputStream named(Path file, Opener opener) throws IOException {
        InputStream in;
        try {
            in = opener.open();
        } catch (IOException e) {
            throw failure(file, e);
        }
        return new FilterInputStream(in) {
            @Override public int read() throws IOException {
                try {
                    return super.read();
                } catch (IOException e) {
                    throw failure(file, e);
                }
            }

            @Override public int read(byte[] b, int off, int len) throws IOException {
                try {
                    return super.read(b, off, len);
                } catch (IOException e) {
                    throw failure(file, e);
                }
            }

            @Override public long skip(long n) throws IOException {
                try {
                    return super.skip(n);
                } catch (IOException e) {
                    throw failure(file, e);
                }
            }
        };
    }

    /** "cannot read FILE: what went wrong", in words, for any I/O failure on an input. */
    public static IOException failure(Path file, IOException e) {
        if (e instanceof InputFileException || e instanceof BadInputException) return e; // names the file already
        return new InputFileException("cannot read " + file + ": " + reason(file, e), e);
    }

    static String reason(Path file, IOException e) {
        boolean gz = file.getFileName() != null && file.getFileName().toString().endsWith(".gz");
        String m = e.getMessage() == null ? "" : e.getMessage();
        if (e instanceof ZipException && m.contains("Not in GZIP format"))
            return "not gzip data, though the name ends with .gz";
        if (e instanceof ZipException) return "damaged gzip data (" + m + ")";
        if (e instanceof EOFException) return gz ? "the gzip data ends early (a truncated file?)" : "the file ends early";
        if (e instanceof NoSuchFileException) return "no such file";
        if (e instanceof AccessDeniedException) return "permission denied";
        if (e instanceof FileSystemException f && f.getReason() != null) return f.getReason();
        return m.isEmpty() ? e.getClass().getSimpleName() : m;
    }
}
