package io.wabill.data.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Gzip bombs, damaged and cut-short gzip files, and oversized plain files are input errors naming the file. */
class BoundedInputTest {
    @TempDir Path dir;

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (OutputStream g = new GZIPOutputStream(b)) {
            g.write(data);
        }
        return b.toByteArray();
    }

    private static byte[] readAll(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }

    @Test
    void anOrdinaryGzipFileReadsBackWhole() throws IOException {
        byte[] text = "timestamp,message_id\n2025-01-01T00:00:00Z,a\n".repeat(1000).getBytes(StandardCharsets.UTF_8);
        Path f = dir.resolve("log.csv.gz");
        Files.write(f, gzip(text));
        assertArrayEquals(text, readAll(BoundedInput.open(f, BoundedInput.STREAMS)));
    }

    @Test
    void aGzipBombStopsAtTheRatioBoundWithoutExpandingFurther() throws IOException {
        // 64 MiB of zeros compress to about 64 KiB: a ratio near 1000, far above any real log.
        Path f = dir.resolve("bomb.csv.gz");
        try (OutputStream g = new GZIPOutputStream(Files.newOutputStream(f))) {
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) g.write(zeros);
        }
        BoundedInput.Limits limits = new BoundedInput.Limits(1L << 40, 200, 1 << 20);
        BadInputException e = assertThrows(BadInputException.class, () -> readAll(BoundedInput.open(f, limits)));
        assertEquals(f.toString(), e.file());
        assertTrue(e.getMessage().contains("times its compressed size"), e.getMessage());
        assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
    }

    @Test
    void theDecompressedSizeBoundHoldsEvenAtAnOrdinaryRatio() throws IOException {
        byte[] text = new byte[300_000];
        new java.util.Random(3).nextBytes(text);
        Path f = dir.resolve("big.csv.gz");
        Files.write(f, gzip(text));
        BadInputException e = assertThrows(BadInputException.class,
                () -> readAll(BoundedInput.open(f, new BoundedInput.Limits(100_000, 200, 0))));
        assertTrue(e.getMessage().contains("decompresses to more than 100000 bytes"), e.getMessage());
    }

    @Test
    void aFileThatIsNotGzipDespiteItsNameIsNamedInTheError() throws IOException {
        Path f = dir.resolve("plain.csv.gz");
        Files.writeString(f, "timestamp,message_id\n");
        BadInputException e = assertThrows(BadInputException.class, () -> readAll(BoundedInput.open(f, BoundedInput.STREAMS)));
        assertTrue(e.getMessage().startsWith(f + ": not a readable gzip file: Not in GZIP format"), e.getMessage());
    }

    @Test
    void aCutShortGzipFileIsNamedInTheError() throws IOException {
        byte[] whole = gzip("x,y\n".repeat(50_000).getBytes(StandardCharsets.UTF_8));
        Path f = dir.resolve("cut.csv.gz");
        Files.write(f, Arrays.copyOf(whole, whole.length / 2));
        BadInputException e = assertThrows(BadInputException.class, () -> readAll(BoundedInput.open(f, BoundedInput.STREAMS)));
        assertTrue(e.getMessage().startsWith(f + ": not a readable gzip file: Unexpected end of ZLIB input stream"), e.getMessage());
    }

    @Test
    void anEmptyGzipFileIsNamedInTheError() throws IOException {
        Path f = dir.resolve("empty.jsonl.gz");
        Files.write(f, new byte[0]);
        BadInputException e = assertThrows(BadInputException.class, () -> readAll(BoundedInput.open(f, BoundedInput.STREAMS)));
        assertTrue(e.getMessage().startsWith(f + ": not a readable gzip file"), e.getMessage());
    }

    @Test
    void aPlainFileLargerThanItsBoundIsAnInputError() throws IOException {
        Path f = dir.resolve("table.csv");
        Files.write(f, new byte[5000]);
        BadInputException e = assertThrows(BadInputException.class,
                () -> readAll(BoundedInput.open(f, new BoundedInput.Limits(4096, 200, 0))));
        assertTrue(e.getMessage().contains("larger than 4096 bytes"), e.getMessage());
    }
}
