package io.wabill.report;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An operating-system lock on a file, held while a run writes. The system releases it when the process ends, however
 * it ends (kill -9 too), so a killed run never blocks the next one.
 *
 * <p>Two properties of these (POSIX) locks shape this class. A process loses its lock on a file when it closes any
 * channel on that file, so a lock held in this JVM is never probed by opening the file again: the JVM's own locks are
 * kept in {@link #HELD}. And the lock file is never deleted: a run that opened it just before another deleted it would
 * lock a file nobody else can see, while a third run locks the new one.
 */
final class FileLocks {
    /** The files this JVM holds (or is taking) a lock on. */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private FileLocks() {}

    /** A lock held on one file; {@link #close()} releases it. */
    static final class Held implements AutoCloseable {
        private final Path file;
        private final FileChannel channel;
        private final FileLock lock;
        private boolean released;

        private Held(Path file, FileChannel channel, FileLock lock) {
            this.file = file;
            this.channel = channel;
            this.lock = lock;
        }

        @Override public synchronized void close() {
            if (released) return;
            released = true;
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
            HELD.remove(file);
        }
    }

    /** True when this JVM holds the lock on {@code file}. */
    static boolean heldHere(Path file) { return HELD.contains(key(file)); }

    /** Locks {@code file} (created when missing), or returns null when another process or run holds it. */
    static Held tryLock(Path file) throws IOException {
        Path key = key(file);
        if (!HELD.add(key)) return null; // a run in this JVM holds it
        return take(key, false);
    }

    /**
     * Takes a shared lock on {@code file} for a run that only reads the folder, so that no other process can hold it
     * exclusively (a writing run) meanwhile. Returns {@link Shared#NOT_NEEDED} when the file does not exist (no run
     * has ever written there) or this JVM already holds a lock on it (then no other process can write, and opening a
     * second channel would drop this JVM's lock: see the class comment), and null when another process holds it
     * exclusively now.
     */
    static Shared tryLockShared(Path file) throws IOException {
        Path key = key(file);
        if (!Files.isRegularFile(key) || !HELD.add(key)) return Shared.NOT_NEEDED;
        try {
            Held held = take(key, true);
            return held == null ? null : new Shared(held);
        } catch (java.nio.file.NoSuchFileException | java.nio.file.AccessDeniedException e) {
            // removed meanwhile, or a folder this user may read but not lock: nobody writes it through wabill then
            return Shared.NOT_NEEDED;
        }
    }

    /**
     * Opens {@code key} (created when missing for an exclusive lock) and locks it; null when another process holds it.
     * The caller has just added {@code key} to {@link #HELD}; it is taken out again unless the lock is held.
     */
    private static Held take(Path key, boolean shared) throws IOException {
        FileChannel channel = null;
        try {
            channel = shared ? FileChannel.open(key, StandardOpenOption.READ)
                    : FileChannel.open(key, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock(0, Long.MAX_VALUE, shared);
            if (lock != null) return new Held(key, channel, lock);
        } catch (OverlappingFileLockException e) {
            // cannot happen while HELD is consulted first; taken as held
        } catch (IOException | RuntimeException e) {
            HELD.remove(key);
            if (channel != null) channel.close();
            throw e;
        }
        HELD.remove(key);
        channel.close();
        return null;
    }

    /** A shared lock, or none because none was needed ({@link #tryLockShared}). */
    static final class Shared implements AutoCloseable {
        static final Shared NOT_NEEDED = new Shared(null);
        private final Held held;

        private Shared(Held held) { this.held = held; }

        @Override public void close() { if (held != null) held.close(); }
    }

    private static Path key(Path file) { return file.toAbsolutePath().normalize(); }
}
