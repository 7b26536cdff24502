package io.wabill.data.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** The bounded record reader: Commons CSV's RFC 4180 records, lines and errors, with every bound checked as it reads. */
class CsvRecordsTest {
    private static final CsvRecords.Limits SMALL = new CsvRecords.Limits(10, 30, 4, 5, 200);

    private static List<String> all(String text, CsvRecords.Limits limits) throws IOException {
        CsvRecords r = new CsvRecords(new StringReader(text), "t.csv", limits);
        List<String> out = new ArrayList<>();
        List<String> rec;
        while ((rec = r.next()) != null) out.add(r.line() + ":" + rec);
        return out;
    }

    private static List<String> commons(String text) throws IOException {
        List<String> out = new ArrayList<>();
        try (CSVParser p = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).build().parse(new StringReader(text))) {
            long last = 0;
            for (CSVRecord rec : p) {
                out.add((last + 1) + ":" + rec.toList());
                last = p.getCurrentLineNumber();
            }
        }
        return out;
    }

    @Test
    void recordsAndTheirLinesAgreeWithCommonsCsv() throws IOException {
        String[] texts = {
            "a,b\n1,2\n", "a,b\r\n1,2\r\n", "a,b\n1,2", "a,\"b,c\"\n\"x\"\"y\",z\n", "a\n\n\nb\n",
            "h1,h2\n\"multi\nline\",x\nnext,row\n", "a,b,\n,,\n", "\"\"\n", "a\"b,c\n", "x\r\ny\rz\n",
        };
        for (String t : texts) assertEquals(commons(t), all(t, CsvRecords.TABLES), t);
    }

    @Test
    void anUnbalancedQuoteIsAnErrorAtTheLineItBegan() {
        BadInputException e = assertThrows(BadInputException.class, () -> all("a,b\n1,2\n3,\"open\nmore\n", CsvRecords.TABLES));
        assertEquals(3, e.line());
        assertEquals("2", e.column());
        assertTrue(e.getMessage().startsWith("t.csv:3 column 2: a quoted cell is never closed"), e.getMessage());
    }

    @Test
    void textAfterAClosingQuoteIsAnError() {
        BadInputException e = assertThrows(BadInputException.class, () -> all("a,b\n\"x\"y,2\n", CsvRecords.TABLES));
        assertEquals(2, e.line());
    }

    @Test
    void everyBoundIsAnErrorNamingFileAndLine() {
        assertTrue(assertThrows(BadInputException.class, () -> all("a\n12345678901\n", SMALL)).getMessage()
                .startsWith("t.csv:2 column 1: a cell longer than 10 characters"));
        assertTrue(assertThrows(BadInputException.class, () -> all("a\n123456789,123456789,123456789,123456789\n", SMALL))
                .getMessage().contains("a row longer than 30 characters"));
        assertTrue(assertThrows(BadInputException.class, () -> all("a,b,c,d,e\n", SMALL)).getMessage()
                .contains("more than 4 columns"));
        assertTrue(assertThrows(BadInputException.class, () -> all("a\nb\nc\nd\ne\nf\n", SMALL)).getMessage()
                .contains("more than 5 rows"));
        assertTrue(assertThrows(BadInputException.class, () -> all("abcdefgh,\n".repeat(30), new CsvRecords.Limits(10, 30, 4, 1000, 200)))
                .getMessage().contains("larger than 200 characters"));
    }

    @Test
    void aHugeCellIsRefusedAfterItsBoundNotAfterBufferingIt() throws IOException {
        // A reader of 2^40 characters: if the cell were buffered first, this test would never end.
        Reader endless = new Reader() {
            long given;

            @Override public int read(char[] buf, int off, int len) {
                if (given == 0) buf[off] = '"';
                for (int i = given == 0 ? 1 : 0; i < len; i++) buf[off + i] = 'x';
                given += len;
                return len;
            }

            @Override public void close() {}
        };
        CsvRecords r = new CsvRecords(endless, "huge.csv", CsvRecords.TABLES);
        BadInputException e = assertThrows(BadInputException.class, r::next);
        assertTrue(e.getMessage().contains("a cell longer than 100000 characters"), e.getMessage());
    }

    @Test
    void aByteOrderMarkIsSkippedAndTheEndIsNull() throws IOException {
        CsvRecords r = new CsvRecords(new StringReader("\uFEFFa,b\n"), "t.csv", CsvRecords.TABLES);
        assertEquals(List.of("a", "b"), r.next());
        assertNull(r.next());
    }
}
