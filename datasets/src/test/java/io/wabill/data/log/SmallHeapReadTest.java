package io.wabill.data.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wabill.sim.events.LogRow;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile logs read in a JVM with a small heap: a 100 MB cell and a file of one endless line end as input errors
 * with file and line, never as an OutOfMemoryError. Each case runs {@link #main} in a forked JVM with -Xmx48m.
 */
class SmallHeapReadTest {
    @TempDir Path dir;

    /** Reads every row of the file and prints the input error, if any, on stdout; exit 0 either way. */
    public static void main(String[] args) throws IOException {
        long rows = 0;
        try (LogReader r = new LogReader(Path.of(args[0]), 0, e -> { })) {
            for (LogRow row = r.next(); row != null; row = r.next()) rows++;
            System.out.println("rows " + rows);
        } catch (LogFormatException e) {
            System.out.println("input error " + e.getMessage());
        }
    }

    private static String runForked(Path log) throws IOException, InterruptedException {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-Xmx48m", "-cp", cp, SmallHeapReadTest.class.getName(),
                log.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the forked reader finished");
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    @Test
    void aHundredMegabyteCellIsAnInputErrorAtASmallHeap() throws Exception {
        Path log = dir.resolve("big-cell.csv");
        try (OutputStream out = Files.newOutputStream(log)) {
            out.write("timestamp,message_id,business,customer,direction,kind,category\n".getBytes(StandardCharsets.UTF_8));
            out.write("2026-10-01T10:00:00Z,\"".getBytes(StandardCharsets.UTF_8));
            byte[] chunk = "x".repeat(1 << 20).getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 100; i++) out.write(chunk);
            out.write("\",15550001111,5511920727997,outbound,template,utility\n".getBytes(StandardCharsets.UTF_8));
        }
        String out = runForked(log);
        assertTrue(out.startsWith("input error " + log + ":2"), out);
        assertTrue(out.contains("a row longer than"), out);
    }

    @Test
    void aGigabyteLineBehindAGzipIsAnInputErrorAtASmallHeap() throws Exception {
        Path log = dir.resolve("line.csv.gz");
        try (OutputStream out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(log), 1 << 16)) {
            byte[] chunk = new byte[1 << 20];
            java.util.Arrays.fill(chunk, (byte) 'a');
            for (int i = 0; i < 1024; i++) out.write(chunk);
        }
        List<String> lines = List.of(runForked(log).split("\n"));
        assertTrue(lines.get(0).startsWith("input error " + log + ":1"), lines.toString());
    }
}
