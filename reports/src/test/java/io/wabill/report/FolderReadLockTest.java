package io.wabill.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A reader of a folder waits for another process writing it, and never breaks this JVM's own lock on it. */
class FolderReadLockTest {
    @TempDir Path dir;

    @Test void aFolderNoRunEverWroteIsReadWithoutALockFile() throws IOException {
        try (FolderReadLock ignored = FolderReadLock.acquire(dir, Duration.ofSeconds(1))) {
            assertFalse(Files.exists(dir.resolve(OutputSet.LOCK)), "reading creates no lock file");
        }
    }

    @Test void aReaderWaitsForAWriterInAnotherProcessAndGivesUpNamingTheFolder() throws Exception {
        Process writer = lockHolder("hold");
        try {
            assertEquals("locked", firstLine(writer));
            OutputException e = assertThrows(OutputException.class, () -> FolderReadLock.acquire(dir, Duration.ofMillis(300)));
            assertTrue(e.getMessage().contains(dir.toString()) && e.getMessage().contains("another wabill run is writing"),
                    e.getMessage());
        } finally {
            writer.getOutputStream().close();
            assertTrue(writer.waitFor(30, TimeUnit.SECONDS));
        }
        try (FolderReadLock ignored = FolderReadLock.acquire(dir, Duration.ofSeconds(5))) {
            assertEquals("busy", firstLine(lockHolder("try")), "a writer cannot start while the folder is read");
        }
        assertEquals("locked", firstLine(lockHolder("try")), "the reader's lock ends with it");
    }

    @Test void readingAFolderThisJvmIsWritingKeepsTheWritersLock() throws Exception {
        try (OutputSet set = OutputSet.begin(dir, new RunManifest("test", java.util.List.of("test"), "0-test"))) {
            try (FolderReadLock ignored = FolderReadLock.acquire(dir, Duration.ofMillis(100))) {
                // nothing to wait for: this JVM is the writer
            }
            // Opening and closing a second channel on the lock file would have dropped the writer's POSIX lock.
            assertEquals("busy", firstLine(lockHolder("try")), "the writing run still holds its folder");
        }
    }

    private Process lockHolder(String mode) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return new ProcessBuilder(java, "-Xmx32m", "-cp", cp, LockHolder.class.getName(), mode,
                dir.resolve(OutputSet.LOCK).toString()).redirectErrorStream(true).start();
    }

    private static String firstLine(Process p) throws IOException {
        return new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine();
    }
}
