package io.wabill.data.rates.meta;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Reads a CSV file into rows that remember their line numbers. */
final class CsvSheet {
    /**
     * Blank lines are kept as blank records: skipping them would make the parser's line count and the
     * record's start line disagree, and blank rows are harmless to the layouts anyway.
     */
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setIgnoreEmptyLines(false)
            .setIgnoreSurroundingSpaces(false)
            .get();

    private CsvSheet() {}

    static List<SheetRow> read(Path file) throws IOException {
        return read(file, Integer.MAX_VALUE);
    }

    /** At most {@code maxRows} rows, for sniffing a file without reading all of it into rows. */
    static List<SheetRow> read(Path file, int maxRows) throws IOException {
        String text = decode(Files.readAllBytes(file));
        List<SheetRow> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), FORMAT)) {
            long before = parser.getCurrentLineNumber();
            for (CSVRecord record : parser) {
                rows.add(new SheetRow(before + 1, record.toList()));
                if (rows.size() >= maxRows) break;
                before = parser.getCurrentLineNumber();
            }
        } catch (UncheckedIOException e) {
            // Commons CSV reports a malformed file (an unclosed quote) this way while iterating.
            throw new IOException(file + ": not a readable CSV file: " + e.getCause().getMessage(), e.getCause());
        }
        return rows;
    }

    /**
     * UTF-8 (with or without BOM) as Meta serves it; a file re-saved by a spreadsheet on Windows is
     * Windows-1252, which strict UTF-8 decoding detects, so the currency signs are not garbled.
     */
    private static String decode(byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            text = new String(bytes, Charset.forName("windows-1252"));
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
