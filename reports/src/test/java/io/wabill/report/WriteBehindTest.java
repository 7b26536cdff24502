package io.wabill.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A large file written on a thread of its own: the same bytes in the same order, failures raised, no thread left. */
class WriteBehindTest {
    @TempDir Path dir;

    private static long writerThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("wabill-write-") && t.isAlive()).count();
    }

    @Test
    void everyByteReachesTheSinkInOrderWhateverTheChunksAndDrains() throws IOException {
        Random random = new Random(14);
        for (int trial = 0; trial < 20; trial++) {
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            ByteArrayOutputStream sink = new ByteArrayOutputStream();
            WriteBehind behind = new WriteBehind(sink::write, "trial");
            int total = random.nextInt(4 * WriteBehind.BLOCK * WriteBehind.BLOCKS);
            int written = 0;
            while (written < total) {
                // chunks from one byte to more than a block, so copies cross block ends
                int n = Math.min(total - written, random.nextBoolean() ? random.nextInt(100) + 1 : random.nextInt(2 * WriteBehind.BLOCK));
                byte[] chunk = new byte[n + 10];
                random.nextBytes(chunk);
                behind.write(chunk, 5, n);
                expected.write(chunk, 5, n);
                written += n;
                if (random.nextInt(20) == 0) {
                    behind.drain();
                    assertArrayEquals(expected.toByteArray(), sink.toByteArray(), "after a drain, trial " + trial);
                }
            }
            behind.finish();
            assertArrayEquals(expected.toByteArray(), sink.toByteArray(), "trial " + trial);
        }
        assertEquals(0, writerThreads());
    }

    @Test
    void theSinksFailureIsRaisedAsThrownAndLaterBytesAreDropped() throws IOException {
        OutputException full = new OutputException("cannot write ledger.csv: no space left on device");
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        WriteBehind behind = new WriteBehind((b, off, len) -> {
            if (sink.size() >= WriteBehind.BLOCK) throw full;
            sink.write(b, off, len);
        }, "failing");
        byte[] block = new byte[WriteBehind.BLOCK];
        IOException raised = assertThrows(IOException.class, () -> {
            for (int i = 0; i < 100; i++) behind.write(block, 0, block.length);
            behind.finish();
        });
        assertSame(full, raised);
        assertEquals(WriteBehind.BLOCK, sink.size(), "nothing after the failing block");
        behind.abandon();
        assertEquals(0, writerThreads());
    }

    @Test
    void anAbandonedFileStopsItsThreadAndTakesNoMoreBytes() throws IOException {
        WriteBehind behind = new WriteBehind((b, off, len) -> { }, "abandoned");
        behind.write(new byte[3 * WriteBehind.BLOCK], 0, 3 * WriteBehind.BLOCK);
        behind.abandon();
        assertEquals(0, writerThreads());
        assertThrows(IllegalStateException.class, () -> behind.write(new byte[WriteBehind.BLOCK], 0, WriteBehind.BLOCK));
    }

    /** A ledger-sized file through the output set: the published bytes and the manifest's hash and size are the run's. */
    @Test
    void aLargeFileIsPublishedWithItsBytesAndHash() throws Exception {
        Path out = dir.resolve("out");
        byte[] data = new byte[(int) (3 * OutputSet.WRITE_BEHIND_FROM)];
        new Random(3).nextBytes(data);
        try (OutputSet set = OutputSet.begin(out, new RunManifest("test", List.of("test"), "0-test")).writingBehind()) {
            try (OutputStream o = set.openBinary("ledger.csv")) {
                for (int at = 0; at < data.length; at += 65_536) o.write(data, at, Math.min(65_536, data.length - at));
            }
            set.commit();
        }
        assertArrayEquals(data, Files.readAllBytes(out.resolve("ledger.csv")));
        try (OutputSet set = OutputSet.begin(dir.resolve("here"), new RunManifest("test", List.of("test"), "0-test"))) {
            try (OutputStream o = set.openBinary("ledger.csv")) {
                o.write(data);
                assertEquals(0, writerThreads(), "a set not writing behind writes on the caller's thread");
            }
            set.commit();
        }
        assertArrayEquals(data, Files.readAllBytes(dir.resolve("here").resolve("ledger.csv")));
        JsonNode f = new ObjectMapper().readTree(out.resolve("run.json").toFile()).get("files").get(0);
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data)), f.get("sha256").asText());
        assertEquals(data.length, f.get("bytes").asLong());
        assertEquals(0, writerThreads());
    }

    /** A run that fails after writing a large file leaves no file, no staging folder and no thread behind. */
    @Test
    void anAbortedRunDeletesALargeFileAndStopsItsThread() throws Exception {
        Path out = dir.resolve("out");
        try (OutputSet set = OutputSet.begin(out, new RunManifest("test", List.of("test"), "0-test")).writingBehind()) {
            OutputStream o = set.openBinary("ledger.csv");
            o.write(new byte[(int) (2 * OutputSet.WRITE_BEHIND_FROM)]);
            assertEquals(1, writerThreads(), "the file went behind");
            // no commit: the run failed
        }
        assertFalse(Files.exists(out.resolve("ledger.csv")));
        try (var s = Files.list(out)) {
            assertEquals(List.of(), s.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".wabill.lock")).toList());
        }
        assertEquals(0, writerThreads());
    }
}
