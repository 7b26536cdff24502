package io.wabill.data.log;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reader reads bytes, the reference ({@link CommonsLogReader}) decoded text: what depends on characters rather
 * than bytes must still come out the same. Logs full of other characters, bytes that are not UTF-8 (cut sequences,
 * overlong forms, stray continuation bytes) before and inside quoted cells, whitespace outside ASCII after a closing
 * quote, text after a quote at a character position behind multi-byte characters, and comment lines of them.
 */
class ByteReaderDifferentialTest {
    private static final String HEADER = "timestamp,message_id,business,customer,direction,kind,category,entry_point,"
            + "status,delivered_at,template,tokens,account,portfolio\n";

    @TempDir Path dir;

    private static final String[] FRAGMENTS = {
        "2026-10-01T09:00:00Z,m1,5511940000001,+447911123456,outbound,template,utility,,delivered,,caf\u00e9 \u2603,,acme,p1\n",
        "2026-10-01T09:00:01Z,m2,5511940000001,\u00c9S.7f3a9c21d0,outbound,free_form,,,,,,,,\n",
        "2026-10-01T09:00:02Z,m3,5511940000001,447911123456,outbound,template,utility,,,,\"\ud83d\ude00 \"\"q\"\"\"\u3000 ,,,\n",
        "2026-10-01T09:00:03Z,m4,5511940000001,447911123456,outbound,template,utility,,,,\"\u00e9\"\u00e9,,,\n",
        "2026-10-01T09:00:04Z,m5,5511940000001,447911123456,outbound,template,utility,,,,\"x\"\u2003\u00a0,,,\n",
        "2026-10-01T09:00:05Z,m\u00e96,5511940000001,447911123456,outbound,template,utility,,,,,,\u00e9quipe,p\u00e9\n",
        "2026-10-01T09:00:06.5Z,m7,5511940000001,447911123456,outbound,template,utility,,,2026-10-01T14:30:06.123456+05:30,,,,\n",
        "2026-10-01t09:00:07z,m8,5511940000001,447911123456,outbound,template,utility,,,,,,,\n",
        "\u00a02026-10-01T09:00:08Z,m9,5511940000001,447911123456,outbound,template,utility,,,,,,,\n",
        "2026-10-01T09:00:09Z,m10,5511940000001,44791112345\u0661,outbound,template,utility,,,,,,,\n",
        "1790000000,m11,5511940000001,447911123456,outbound,template,utility,,,,,,,\n",
        "2026-10-01T09:00:10-00:00,m12,5511940000001,447911123456,outbound,template,utility,,,,,,,\n",
        "9999-12-31T23:59:59.9995Z,m13,5511940000001,447911123456,outbound,template,utility,,,,,,,\n",
        "2026-10-01T09:00:11+18:00,m14,5511940000001,447911123456,outbound,template,utility,,,,,,,\n",
        "x,\"y\"z\n", "\"\u00e9\u00e9\"\u00e9\n", "\u00e9,\"y\" \u3000z\n", "\"open \u00e9\n", "\n", "\r\n",
    };

    private static final byte[][] BAD_BYTES = {
        {(byte) 0xC3, (byte) 0x28}, {(byte) 0xFF}, {(byte) 0xE2, (byte) 0x82}, {(byte) 0xF0, (byte) 0x9F, (byte) 0x98},
        {(byte) 0xE0, (byte) 0x80, (byte) 0x80}, {(byte) 0x80, (byte) 0x80}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
        {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
    };

    @Test
    void readsLogsOfOtherCharactersAndBadBytesLikeTheTextReader() throws IOException {
        SplittableRandom rnd = new SplittableRandom(14);
        for (int round = 0; round < 1500; round++) {
            byte[] input = randomLog(rnd);
            Path file = dir.resolve("log" + round + ".csv");
            Files.write(file, input);
            assertEquals(read(file, true, false), read(file, false, false), () -> "skip mode, input:\n" + show(input));
            assertEquals(read(file, true, true), read(file, false, true), () -> "stop mode, input:\n" + show(input));
        }
    }

    private static String show(byte[] input) {
        return new String(input, StandardCharsets.UTF_8).replace("\r", "\\r");
    }

    private byte[] randomLog(SplittableRandom rnd) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (rnd.nextInt(5) == 0) out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        if (rnd.nextInt(3) == 0) out.write("# wabill \u00e9\n\u3000 \n# \ud83d\ude00\r\n".getBytes(StandardCharsets.UTF_8));
        if (rnd.nextInt(6) == 0) out.write(BAD_BYTES[rnd.nextInt(BAD_BYTES.length)]);
        if (rnd.nextInt(10) == 0) out.write("#".getBytes(StandardCharsets.UTF_8));
        if (rnd.nextInt(6) == 0) out.write("\n".getBytes(StandardCharsets.UTF_8));
        out.write(HEADER.getBytes(StandardCharsets.UTF_8));
        int n = rnd.nextInt(14);
        for (int i = 0; i < n; i++) {
            int k = rnd.nextInt(FRAGMENTS.length + 3);
            if (k < FRAGMENTS.length) {
                byte[] f = FRAGMENTS[k].getBytes(StandardCharsets.UTF_8);
                if (rnd.nextInt(3) == 0) { // bad bytes somewhere in the fragment, before and inside quotes
                    int at = rnd.nextInt(f.length);
                    out.write(f, 0, at);
                    out.write(BAD_BYTES[rnd.nextInt(BAD_BYTES.length)]);
                    out.write(f, at, f.length - at);
                } else {
                    out.write(f);
                }
            } else {
                out.write(BAD_BYTES[rnd.nextInt(BAD_BYTES.length)]);
            }
        }
        return out.toByteArray();
    }

    /** Rows and errors read in skip mode, or the first error in stop mode, or the reader's fatal message. */
    private static List<String> read(Path file, boolean commons, boolean stop) {
        List<String> seen = new ArrayList<>();
        RowErrorHandler handler = stop ? RowErrorHandler.STOP : e -> seen.add("error " + e);
        try {
            if (commons) {
                try (CommonsLogReader r = new CommonsLogReader(file, 2, handler)) {
                    seen.add("comments " + r.comments());
                    for (var row = r.next(); row != null; row = r.next()) seen.add(row.toString());
                    seen.add("rows read " + r.rowsRead());
                }
            } else {
                try (LogReader r = new LogReader(file, 2, handler)) {
                    seen.add("comments " + r.comments());
                    for (var row = r.next(); row != null; row = r.next()) seen.add(row.toString());
                    seen.add("rows read " + r.rowsRead());
                }
            }
        } catch (LogFormatException e) {
            seen.add("fatal " + e.getMessage());
        } catch (RuntimeException | IOException e) {
            seen.add("exception " + e.getClass().getSimpleName()
                    + (e.getCause() == null ? e.getMessage() : " / " + e.getCause().getMessage()));
        }
        return seen;
    }
}
