package io.wabill.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The files one run writes. Each is written under a temporary name in the output folder and renamed to its
 * real name only by {@link #commit()}, so a run that fails or is interrupted never leaves a file that looks
 * complete; {@link #abort()} deletes the temporary files.
 */
public final class OutputSet {
    private final Path folder;
    private final Map<Path, Path> pending = new LinkedHashMap<>();

    public OutputSet(Path folder) throws IOException {
        this.folder = folder;
        Files.createDirectories(folder);
    }

    public Path folder() { return folder; }

    /** A writer for {@code name}, gzip-compressed when the name ends with {@code .gz}; the file appears under that name at commit. */
    public Writer open(String name) throws IOException {
        Path target = folder.resolve(name);
        Path temp = folder.resolve("." + name + ".partial");
        pending.put(target, temp);
        java.io.OutputStream out = Files.newOutputStream(temp);
        if (name.endsWith(".gz")) out = new java.util.zip.GZIPOutputStream(out, 1 << 16);
        return new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    }

    /** A byte stream for {@code name} (a PNG chart, a generated log, the ledger); the file appears under that name at commit. */
    public java.io.OutputStream openBinary(String name) throws IOException {
        Path target = folder.resolve(name);
        Path temp = folder.resolve("." + name + ".partial");
        pending.put(target, temp);
        return new java.io.BufferedOutputStream(Files.newOutputStream(temp), 1 << 16);
    }

    /**
     * Gives the file opened as {@code name} the final name {@code newName} instead (a name only known once the run
     * is over, such as a rank); it moves to the end of the order of {@link #commit()}, so files renamed in order
     * are listed in that order.
     */
    public void rename(String name, String newName) {
        Path from = folder.resolve(name), to = folder.resolve(newName);
        if (!pending.containsKey(from)) throw new IllegalArgumentException(name + " was not opened in " + folder);
        if (!from.equals(to) && pending.containsKey(to)) throw new IllegalArgumentException(newName + " is already taken in " + folder);
        pending.put(to, pending.remove(from));
    }

    /** Renames every file to its real name; returns their paths in the order they were opened. */
    public List<Path> commit() throws IOException {
        List<Path> written = new ArrayList<>();
        for (Map.Entry<Path, Path> e : pending.entrySet()) {
            try {
                Files.move(e.getValue(), e.getKey(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (java.nio.file.AtomicMoveNotSupportedException x) {
                Files.move(e.getValue(), e.getKey(), StandardCopyOption.REPLACE_EXISTING);
            }
            written.add(e.getKey());
        }
        pending.clear();
        return written;
    }

    /** Deletes the temporary files of a failed run. */
    public void abort() {
        for (Path temp : pending.values()) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // best effort: the name starts with a dot and ends with .partial, so it never looks complete
            }
        }
        pending.clear();
    }
}
