package io.wabill.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Reads a CSV file (comment lines before the header skipped) into maps with line numbers, for tests. */
final class CsvTable {
    record Row(long line, Map<String, String> cells) {
        String get(String column) { return cells.getOrDefault(column, ""); }
    }

    static List<Row> read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        int skip = 0;
        while (skip < lines.size() && lines.get(skip).startsWith("#")) skip++;
        String body = String.join("\n", lines.subList(skip, lines.size()));
        List<Row> rows = new ArrayList<>();
        try (Reader r = new java.io.StringReader(body);
             CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
            for (CSVRecord rec : p) {
                Map<String, String> m = new LinkedHashMap<>();
                for (String h : p.getHeaderNames()) m.put(h, rec.isMapped(h) && rec.isSet(h) ? rec.get(h) : "");
                rows.add(new Row(skip + p.getCurrentLineNumber(), m));
            }
        }
        return rows;
    }
}
