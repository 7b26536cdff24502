package io.wabill.report;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Held while a run reads a folder that another run may be writing as an {@link OutputSet}, such as a {@code --rates}
 * folder that {@code wabill rates import --out DIR} adds cards to: a shared lock on the folder's
 * {@link OutputSet#LOCK}, which the writing run holds exclusively from its start to its commit. So a reader never sees
 * one new card of an import and not the next; it waits for the import to end instead, and a second writer waits for
 * the readers.
 */
public final class FolderReadLock implements AutoCloseable {
    /** How often a reader looks again while a writer holds the folder. */
    private static final long POLL_MILLIS = 50;

    private final FileLocks.Shared lock;

    private FolderReadLock(FileLocks.Shared lock) { this.lock = lock; }

    /**
     * Waits up to {@code patience} for no other process to be writing {@code folder}, then holds it for reading.
     *
     * @throws OutputException when a writer still holds it after {@code patience}, naming the folder and the lock file
     */
    public static FolderReadLock acquire(Path folder, Duration patience) throws IOException {
        Path lockFile = folder.resolve(OutputSet.LOCK);
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            FileLocks.Shared shared = FileLocks.tryLockShared(lockFile);
            if (shared != null) return new FolderReadLock(shared);
            if (System.nanoTime() - deadline >= 0)
                throw new OutputException("another wabill run is writing into " + folder + " (it holds " + OutputSet.LOCK
                        + ") and did not finish within " + patience.toSeconds() + " s; read it when that run has ended");
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new OutputException("interrupted while waiting to read " + folder);
            }
        }
    }

    @Override public void close() { lock.close(); }
}
