package io.wabill.data.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wabill.data.io.BoundedInput;
import io.wabill.sim.events.LogRow;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every bound of the log reader holds while reading, and each breach is an input error naming file and line. */
class LogReaderBoundsTest {
    private static final String HEADER = "timestamp,message_id,business,customer,direction,kind,category\n";
    private static final String ROW = "2026-10-01T10:00:00Z,wamid.1,15550001111,5511920727997,outbound,template,utility\n";

    @TempDir Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    private static List<LogRow> readAll(Path p, List<RowError> errors) throws IOException {
        List<LogRow> rows = new ArrayList<>();
        try (LogReader r = new LogReader(p, 0, errors::add)) {
            LogRow row;
            while ((row = r.next()) != null) rows.add(row);
        }
        return rows;
    }

    private static LogFormatException fails(Path p) {
        return assertThrows(LogFormatException.class, () -> readAll(p, new ArrayList<>()));
    }

    @Test
    void anUnbalancedQuoteStopsAtTheRowBoundWithTheLineItStartsOn() throws IOException {
        StringBuilder b = new StringBuilder(HEADER).append(ROW).append("2026-10-01T10:01:00Z,\"wamid.2,");
        char[] filler = new char[LogReader.MAX_ROW / 10];
        Arrays.fill(filler, 'x');
        for (int i = 0; i < 12; i++) b.append(filler).append('\n');
        LogFormatException e = fails(write("open-quote.csv", b.toString()));
        assertEquals(3, e.error().line(), e.getMessage());
        assertTrue(e.getMessage().contains("open-quote.csv:3"), e.getMessage());
        assertTrue(e.getMessage().contains("a row longer than"), e.getMessage());
    }

    @Test
    void aHeaderWithoutLineEndsIsRefusedAtTheRowBound() throws IOException {
        char[] huge = new char[LogReader.MAX_ROW + 10];
        Arrays.fill(huge, 'h');
        LogFormatException e = fails(write("no-lines.csv", new String(huge)));
        assertEquals(1, e.error().line());
        assertTrue(e.getMessage().contains("a row longer than"), e.getMessage());
    }

    @Test
    void aLongCommentLineBeforeTheHeaderIsRefusedWithItsLine() throws IOException {
        char[] huge = new char[LogReader.MAX_COMMENT_LINE + 1];
        Arrays.fill(huge, 'c');
        LogFormatException e = fails(write("comment.csv", "# fine\n#" + new String(huge) + "\n" + HEADER + ROW));
        assertEquals(2, e.error().line());
        assertTrue(e.getMessage().contains("comment line longer than"), e.getMessage());
    }

    @Test
    void commentsBlankLinesAndABomBeforeTheHeaderAreStillRead() throws IOException {
        Path p = write("comments.csv", "\uFEFF# account default: time_zone=UTC\r\n\r\n   \n# rates: rates/\n" + HEADER + ROW);
        try (LogReader r = new LogReader(p, 0, RowErrorHandler.STOP)) {
            assertEquals(List.of("# account default: time_zone=UTC", "# rates: rates/"), r.comments());
            LogRow row = r.next();
            assertEquals(6, row.line());
            assertNull(r.next());
        }
    }

    @Test
    void aFileNamedGzThatIsNotGzipNamesTheFile() throws IOException {
        LogFormatException e = fails(write("plain.csv.gz", HEADER + ROW));
        assertTrue(e.getMessage().startsWith(dir.resolve("plain.csv.gz") + ":"), e.getMessage());
        assertTrue(e.getMessage().contains("not a readable gzip file"), e.getMessage());
    }

    @Test
    void aTruncatedGzipNamesTheFileAndTheLastLineRead() throws IOException {
        Path whole = dir.resolve("whole.csv.gz");
        try (var w = new BufferedWriter(new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(whole)),
                StandardCharsets.UTF_8))) {
            w.write(HEADER);
            for (int i = 0; i < 50_000; i++) w.write(ROW.replace("wamid.1", "wamid." + i));
        }
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = dir.resolve("cut.csv.gz");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length / 2));
        LogFormatException e = fails(cut);
        assertTrue(e.getMessage().contains("cut.csv.gz:"), e.getMessage());
        assertTrue(e.getMessage().contains("not a readable gzip file"), e.getMessage());
        assertTrue(e.error().line() > 1, e.getMessage());
    }

    @Test
    void aGzipBombIsRefusedWhileItIsRead() throws IOException {
        Path bomb = dir.resolve("bomb.csv.gz");
        byte[] same = ROW.getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(bomb), 1 << 16)) {
            out.write(HEADER.getBytes(StandardCharsets.UTF_8));
            long rows = (BoundedInput.STREAMS.ratioGraceBytes() * 2) / same.length;
            for (long i = 0; i < rows; i++) out.write(same);
        }
        assertTrue(Files.size(bomb) * BoundedInput.STREAMS.maxRatio() < BoundedInput.STREAMS.ratioGraceBytes() * 2,
                "the test file is a bomb");
        LogFormatException e = fails(bomb);
        assertTrue(e.getMessage().contains("gzip bomb"), e.getMessage());
        assertTrue(e.getMessage().contains("bomb.csv.gz:"), e.getMessage());
    }

    @Test
    void aRepeatedColumnTheReaderUsesIsAnError() throws IOException {
        LogFormatException e = fails(write("twice.csv", HEADER.trim() + ",Customer\n" + ROW.trim() + ",5511000000000\n"));
        assertTrue(e.getMessage().contains("customer more than once"), e.getMessage());
        // unknown columns may repeat: they are not read
        List<LogRow> rows = readAll(write("notes.csv", HEADER.trim() + ",note,note\n" + ROW.trim() + ",a,b\n"),
                new ArrayList<>());
        assertEquals(1, rows.size());
    }

    @Test
    void aNumberWrittenWithPlusWithZeroZeroOrBareIsReadAndOtherFormsAreNot() throws IOException {
        StringBuilder log = new StringBuilder(HEADER);
        String[] good = {"+5511920727997", "005511920727997", "5511920727997", "BR.7f3a9c21d0"};
        String[] bad = {"05511920727997", "+55 11 92072-7997", "55-11-920727997", "+", "00", "1234567890123456", "+0123"};
        for (String c : good) log.append(ROW.replace("5511920727997", c));
        for (String c : bad) log.append(ROW.replace("5511920727997", c));
        List<RowError> errors = new ArrayList<>();
        List<LogRow> rows = readAll(write("numbers.csv", log.toString()), errors);
        assertEquals(Arrays.asList(good), rows.stream().map(LogRow::customer).toList(), "kept as written");
        assertEquals(bad.length, errors.size(), errors.toString());
        for (RowError e : errors) {
            assertEquals("customer", e.column());
            assertTrue(e.reason().contains("E.164"), e.reason());
        }
    }

    @Test
    void aCellNamesItsColumnByTheHeaderOnce() throws IOException {
        Path p = dir.resolve("latin1.csv");
        Files.write(p, (HEADER + ROW.replace("utility", "utility") + ROW.replace("wamid.1", "wamid.\u00e9"))
                .getBytes(StandardCharsets.ISO_8859_1));
        List<RowError> errors = new ArrayList<>();
        readAll(p, errors);
        assertEquals(1, errors.size());
        assertEquals("message_id", errors.get(0).column());
        assertTrue(errors.get(0).describe().contains(" column message_id "), errors.get(0).describe());
    }

    @Test
    void anUnsortedLogPastItsHeapShareStopsWithTheMessageNotAnOutOfMemoryError() throws IOException {
        StringBuilder log = new StringBuilder(HEADER);
        for (int i = 0; i < 2_000; i++) {
            log.append(ROW.replace("wamid.1", "wamid." + i).replace("10:00:00", String.format("10:%02d:%02d", 59 - i / 60 % 60, 59 - i % 60)));
        }
        LogSource source = new LogSource(List.of(write("unsorted.csv", log.toString())), RowErrorHandler.STOP);
        LogFormatException e = assertThrows(LogFormatException.class, () -> source.loadSorted(1_000_000, 100_000));
        assertTrue(e.getMessage().contains("not sorted by time"), e.getMessage());
        assertTrue(e.getMessage().contains("heap"), e.getMessage());
        assertEquals(2_000, source.loadSorted(1_000_000, 10_000_000).size());
    }
}
