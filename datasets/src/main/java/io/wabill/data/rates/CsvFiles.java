package io.wabill.data.rates;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Small CSV tables with a header (cards, market map, coverage, accounts): rows as maps with their line numbers. */
public final class CsvFiles {
    private CsvFiles() {}

    /** One data row: lower-case column name to trimmed value, and the line it starts on. */
    public record Row(long line, Map<String, String> cells) {
        public String get(String column) { return cells.getOrDefault(column, ""); }
    }

    /** A table: its header names (lower case) and rows. */
    public record Table(List<String> header, List<Row> rows) {}

    public static Table read(InputStream in) throws IOException {
        return read(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    public static Table read(Reader reader) throws IOException {
        BufferedReader r = new BufferedReader(reader);
        r.mark(1);
        if (r.read() != '\uFEFF') r.reset();
        try (CSVParser p = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get().parse(r)) {
            List<String> header = new ArrayList<>();
            List<Row> rows = new ArrayList<>();
            long last = 0;
            for (CSVRecord rec : p) {
                long line = last + 1;
                last = p.getCurrentLineNumber();
                if (rec.size() == 1 && rec.get(0).isBlank()) continue;
                if (header.isEmpty()) {
                    for (String h : rec) header.add(h.trim().toLowerCase(Locale.ROOT));
                    continue;
                }
                Map<String, String> cells = new HashMap<>();
                for (int i = 0; i < header.size() && i < rec.size(); i++) cells.put(header.get(i), rec.get(i).trim());
                rows.add(new Row(line, cells));
            }
            return new Table(header, rows);
        }
    }
}
