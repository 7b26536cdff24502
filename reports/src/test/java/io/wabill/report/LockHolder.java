package io.wabill.report;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Another process's view of a lock file, for {@link FolderReadLockTest}: {@code hold FILE} takes the exclusive lock a
 * writing run takes, prints {@code locked} and keeps it until its standard input closes; {@code try FILE} prints
 * {@code locked} when it could take it now and {@code busy} when another process holds it.
 */
public final class LockHolder {
    private LockHolder() {}

    public static void main(String[] args) throws Exception {
        try (FileChannel ch = FileChannel.open(Path.of(args[1]), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock lock = ch.tryLock();
            System.out.println(lock == null ? "busy" : "locked");
            System.out.flush();
            if (lock != null && args[0].equals("hold")) while (System.in.read() >= 0) { /* until stdin closes */ }
        }
    }
}
