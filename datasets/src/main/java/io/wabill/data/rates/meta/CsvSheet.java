package io.wabill.data.rates.meta;

import io.wabill.data.io.BadInputException;
import io.wabill.data.io.CsvRecords;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads a CSV file into rows that remember their line numbers. */
final class CsvSheet {
    private CsvSheet() {}

    static List<SheetRow> read(Path file) throws IOException {
        return read(file, Integer.MAX_VALUE);
    }

    /**
     * At most {@code maxRows} rows, for sniffing a file without reading all of it into rows. A file larger than
     * the bounds of {@link CsvRecords#TABLES}, or malformed (an unbalanced quote), is a {@link BadInputException}
     * naming the file and line.
     */
    static List<SheetRow> read(Path file, int maxRows) throws IOException {
        long size = Files.size(file);
        if (size > CsvRecords.TABLES.maxChars())
            throw new BadInputException(file.toString(), 0, "", "larger than " + CsvRecords.TABLES.maxChars()
                    + " bytes, more than any rate card (was " + size + " bytes)");
        String text = decode(Files.readAllBytes(file));
        List<SheetRow> rows = new ArrayList<>();
        CsvRecords records = new CsvRecords(new StringReader(text), file.toString(), CsvRecords.TABLES);
        List<String> record;
        while (rows.size() < maxRows && (record = records.next()) != null) rows.add(new SheetRow(records.line(), record));
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
