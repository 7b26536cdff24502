package io.wabill.data.log;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hand-written log reader must read every input exactly as the Commons CSV reader did: the same rows,
 * the same bad rows with the same line, column, value and reason, and the same fatal message.
 */
class LogReaderDifferentialTest {
    private static final String HEADER = "timestamp,message_id,business,customer,direction,kind,category,entry_point,"
            + "status,delivered_at,template,tokens,account,portfolio\n";

    @TempDir Path dir;

    private static final String[] FRAGMENTS = {
        "2026-10-01T09:00:00Z,m1,5511940000001,+447911123456,outbound,template,utility,,delivered,,order,,acme,p1\n",
        "2026-10-01T09:00:01Z,,5511940000001,447911123456,inbound,message,,ctwa,,,,,,\n",
        "2026-10-01T09:00:02Z,m2,5511940000001,BR.7f3a9c21d0,outbound,free_form,,,read,2026-10-01T09:00:05Z,,,,\r\n",
        "2026-10-01T09:00:03Z,m3,+5511940000001,919876543210,Outbound,AGENT,,,,,,1200,,\n",
        "1790000000,m4,5511940000001,919876543210,outbound,template,Marketing,,sent,,\"promo, \"\"big\"\"\",,acme,\n",
        "2026-10-01T12:00:00+05:30,m5,5511940000001,919876543210,outbound,template,authentication,,failed,,,,,\n",
        "2026-10-01T09:00:04Z,m6,5511940000001,\"91987\n6543210\",outbound,template,utility,,,,,,,\n",
        "2026-02-30T09:00:00Z,m7,5511940000001,919876543210,outbound,template,utility,,,,,,,\n",
        "2026-10-01T09:00:05Z,m8,5511940000001,not-a-number,outbound,template,utility,,,,,,,\n",
        "2026-10-01T09:00:06Z,m9,,919876543210,outbound,template,utility,,,,,,,\n",
        "2026-10-01T09:00:07Z,m10,5511940000001,919876543210,sideways,template,utility,,,,,,,\n",
        "2026-10-01T09:00:08Z,m11,5511940000001,919876543210,inbound,template,,,,,,,,\n",
        "2026-10-01T09:00:09Z,m12,5511940000001,919876543210,outbound,template,,,,,,,,\n",
        "2026-10-01T09:00:10Z,m13,5511940000001,919876543210,outbound,template,utility,,lost,,,,,\n",
        "2026-10-01T09:00:11Z,m14,5511940000001,919876543210,outbound,template,utility,,delivered,2026-10-01T08:00:00Z,,,,\n",
        "2026-10-01T09:00:12Z,m15,5511940000001,919876543210,outbound,agent,,,,,,-3,,\n",
        "2026-10-01T09:00:13Z,,5511940000001,919876543210,inbound,call,,post,,,,,,\n",
        "2026-10-01T09:00:14Z,,5511940000001,919876543210,inbound,message,,banner,,,,,,\n",
        "  2026-10-01T09:00:15Z , m16 , 5511940000001 ,919876543210, outbound ,template, utility ,,,,,,,\n",
        "2026-10-01T09:00:16Z,m17,5511940000001,919876543210,outbound,free_form,,,,,caf\u00e9,,,\n",
        "2026-10-01T09:00:17Z,m18,5511940000001,919876543210,outbound,template,ut\u0131lity,,,,,,,\n",
        "\n", "\r\n", "\r", ",,,\n", "\"\"\n", "  \n", "\"a\" ,b\n", "x,\"y\"z\n", "\"open quote\n", "a\"b,c\n",
        "2026-10-01T09:00:18Z,m19,5511940000001,919876543210,outbound,template,utility", ",", "\"", "\"\"",
        "2026-10-01T09:00:19Z,m20,5511940000001,919876543210,outbound,template,utility,,,,\"tpl\r\nx\",,,\n",
        "12345678901234,m21,5511940000001,919876543210,outbound,template,utility,,,,,,,\n",
    };

    private static final byte[] NOT_UTF8 = {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, 'z'};

    @Test
    void readsEveryGeneratedInputLikeTheCommonsCsvReader() throws IOException {
        SplittableRandom rnd = new SplittableRandom(8);
        for (int round = 0; round < 1500; round++) {
            byte[] input = randomLog(rnd);
            Path file = dir.resolve("log" + round + (round % 7 == 3 ? ".csv.gz" : ".csv"));
            if (file.toString().endsWith(".gz")) {
                try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
                    out.write(input);
                }
            } else {
                Files.write(file, input);
            }
            assertEquals(read(file, true, false), read(file, false, false), () -> "skip mode, input:\n" + show(input));
            assertEquals(read(file, true, true), read(file, false, true), () -> "stop mode, input:\n" + show(input));
        }
    }

    @Test
    void readsARecordLongerThanItsBufferAndAHugeCellLikeTheCommonsCsvReader() throws IOException {
        StringBuilder b = new StringBuilder(HEADER);
        for (int i = 0; i < 3000; i++) b.append(FRAGMENTS[i % 3]);
        b.append("2026-10-01T09:00:20Z,m99,5511940000001,919876543210,outbound,template,utility,,,,\"")
                .append("t".repeat(150_000)).append("\",,,\n");
        b.append(FRAGMENTS[0]);
        Path file = dir.resolve("long.csv");
        Files.writeString(file, b);
        assertEquals(read(file, true, false), read(file, false, false));
    }

    private static String show(byte[] input) {
        return new String(input, StandardCharsets.UTF_8).replace("\r", "\\r");
    }

    private byte[] randomLog(SplittableRandom rnd) throws IOException {
        var out = new java.io.ByteArrayOutputStream();
        if (rnd.nextInt(5) == 0) out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        if (rnd.nextInt(4) == 0) out.write("# wabill log\n\n# account x\n".getBytes(StandardCharsets.UTF_8));
        if (rnd.nextInt(20) != 0) {
            String header = rnd.nextInt(6) == 0 ? "timestamp,business,customer,direction,kind,message_id\r\n" : HEADER;
            if (rnd.nextInt(30) == 0) header = "timestamp,customer,kind\n";
            out.write(header.getBytes(StandardCharsets.UTF_8));
        }
        int n = rnd.nextInt(12);
        for (int i = 0; i < n; i++) {
            int k = rnd.nextInt(FRAGMENTS.length + 8);
            if (k < FRAGMENTS.length) out.write(FRAGMENTS[k].getBytes(StandardCharsets.UTF_8));
            else if (k == FRAGMENTS.length) out.write(NOT_UTF8);
            else out.write(FRAGMENTS[k % 3].getBytes(StandardCharsets.UTF_8));
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
            // A header the CSV cannot read escapes as an unchecked I/O error from both (its cause's class differs).
            seen.add("exception " + e.getClass().getSimpleName()
                    + (e.getCause() == null ? e.getMessage() : " / " + e.getCause().getMessage()));
        }
        return seen;
    }
}
