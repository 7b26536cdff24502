package io.wabill.report;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * A run's private folder inside a folder it writes into: {@code .wabill-run-<random>/}, where its files are written
 * before they are published. A lock on the {@code .owner} file inside says the run is alive; a staging folder whose
 * owner lock can be taken belongs to a run that died (kill -9, power cut) and is removed by the next run that
 * writes into the same folder.
 */
final class StagingFolder implements AutoCloseable {
    static final String PREFIX = ".wabill-run-";
    private static final String OWNER = ".owner";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path path;
    private FileLocks.Held owner;

    private StagingFolder(Path path, FileLocks.Held owner) {
        this.path = path;
        this.owner = owner;
    }

    /** Creates a new staging folder in {@code folder} after removing those of dead runs. */
    static StagingFolder create(Path folder) throws IOException {
        removeAbandoned(folder);
        byte[] id = new byte[8];
        RANDOM.nextBytes(id);
        Path path = folder.resolve(PREFIX + HexFormat.of().formatHex(id));
        Files.createDirectory(path);
        FileLocks.Held owner = FileLocks.tryLock(path.resolve(OWNER));
        if (owner == null) throw new IOException("could not lock " + path.resolve(OWNER));
        return new StagingFolder(path, owner);
    }

    Path path() { return path; }

    /** Deletes the folder and what is still in it, and releases its owner lock. */
    @Override public void close() {
        deleteTree(path);
        if (owner != null) owner.close();
        owner = null;
    }

    /** Removes the staging folders in {@code folder} whose run is no longer alive. */
    static void removeAbandoned(Path folder) {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(folder, PREFIX + "*")) {
            for (Path p : ds) {
                Path ownerFile = p.resolve(OWNER);
                // No owner file yet: a run is just creating it; leave it alone.
                if (!Files.isDirectory(p) || !Files.exists(ownerFile)) continue;
                FileLocks.Held lock = FileLocks.tryLock(ownerFile);
                if (lock == null) continue; // alive
                try {
                    deleteTree(p);
                } finally {
                    lock.close();
                }
            }
        } catch (IOException ignored) {
            // best effort: leftovers are hidden and never look complete
        }
    }

    static void deleteTree(Path dir) {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                if (Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) deleteTree(p);
                else Files.deleteIfExists(p);
            }
        } catch (IOException ignored) {
            // best effort, as below
        }
        try {
            Files.deleteIfExists(dir);
        } catch (IOException ignored) {
            // a hidden leftover that a later run removes
        }
    }
}
