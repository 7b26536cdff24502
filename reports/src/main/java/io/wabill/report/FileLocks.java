package io.wabill.report;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * An operating-system lock on a file, held while a run writes. The system releases it when the process ends, however
 * it ends (kill -9 too), so a killed run never blocks the next one.
 *
 * <p>The lock file is deleted when the lock is released, so a folder keeps nothing of a finished run but its files.
 * Deleting a lock file has a known race: a second run may have opened the old file just before it was deleted and lock
 * it after, while a third creates and locks a new one. So whoever takes a lock writes a token of its own into the file
 * it locked and reads it back through the name: if the name now leads to another file, the lock is worth nothing and
 * it tries again.
 */
final class FileLocks {
    private FileLocks() {}

    /** A lock held on one file; {@link #close()} deletes the file and releases the lock. */
    static final class Held implements AutoCloseable {
        private final Path file;
        private final FileChannel channel;
        private final FileLock lock;
        private final boolean deleteOnRelease;

        private Held(Path file, FileChannel channel, FileLock lock, boolean deleteOnRelease) {
            this.file = file;
            this.channel = channel;
            this.lock = lock;
            this.deleteOnRelease = deleteOnRelease;
        }

        @Override public void close() {
            if (deleteOnRelease) {
                try {
                    Files.deleteIfExists(file); // while still locked: nobody can be holding the file we delete
                } catch (IOException ignored) {
                    // an empty hidden file; the next run locks it as usual
                }
            }
            try {
                lock.release();
            } catch (IOException ignored) {
                // the channel's close below releases it too
            }
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing left to release
            }
        }
    }

    /**
     * Locks {@code file} (created when missing), or returns null when another process or run holds it.
     *
     * @param deleteOnRelease delete the file when the lock is released (see the class comment)
     */
    static Held tryLock(Path file, boolean deleteOnRelease) throws IOException {
        for (int attempt = 0; attempt < 100; attempt++) {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.READ);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // this JVM already holds it: another run in the same process (tests run commands side by side)
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
            if (lock == null) {
                channel.close();
                return null;
            }
            if (!deleteOnRelease || stillNamed(file, channel)) return new Held(file, channel, lock, deleteOnRelease);
            lock.release();
            channel.close(); // the file was deleted by the run that held it: lock the one now under that name
        }
        throw new IOException("could not lock " + file + ": it keeps being replaced");
    }

    /** True when {@code file} still names the file {@code channel} has open and locked. */
    private static boolean stillNamed(Path file, FileChannel channel) throws IOException {
        byte[] token = UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII);
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(token), 0);
        channel.force(false);
        try {
            byte[] read = Files.readAllBytes(file);
            return java.util.Arrays.equals(read, token);
        } catch (NoSuchFileException e) {
            return false;
        }
    }
}
