package io.wabill.data.rates;

import io.wabill.data.io.BadInputException;
import io.wabill.data.io.CsvRecords;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Small CSV tables with a header (cards, market map, coverage, accounts): rows with their line numbers. Every
 * bound of {@link CsvRecords#TABLES} is checked while reading, and a malformed file (an unbalanced quote) is a
 * {@link BadInputException} naming the file and line; callers report it with their other problems.
 */
public final class CsvFiles {
    private CsvFiles() {}

    /** One data row: its cells by lower-case column name (trimmed), and the line it starts on. */
    public static final class Row {
        private final long line;
        private final Map<String, Integer> index;
        private final String[] values;

        Row(long line, Map<String, Integer> index, String[] values) {
            this.line = line;
            this.index = index;
            this.values = values;
        }

        public long line() { return line; }

        /** The trimmed cell of {@code column}, or "" when the row has none. */
        public String get(String column) {
            Integer i = index.get(column);
            return i == null || i >= values.length || values[i] == null ? "" : values[i];
        }

        /** The cells by column, in header order (a copy). */
        public Map<String, String> cells() {
            Map<String, String> m = new LinkedHashMap<>();
            for (Map.Entry<String, Integer> e : index.entrySet())
                if (e.getValue() < values.length) m.put(e.getKey(), values[e.getValue()]);
            return m;
        }
    }

    /** A table: its header names (lower case) and rows. */
    public record Table(List<String> header, List<Row> rows) {}

    /**
     * The table, or null after adding the reason to {@code problems} when the file is malformed or too large
     * (the card readers report every problem at once).
     */
    public static Table readOrReport(InputStream in, String file, List<io.wabill.sim.rates.CardProblem> problems)
            throws IOException {
        try {
            return read(in, file);
        } catch (BadInputException e) {
            problems.add(new io.wabill.sim.rates.CardProblem(file, e.line(), e.column(), e.reason()));
            return null;
        }
    }

    public static Table read(InputStream in, String file) throws IOException {
        return read(new InputStreamReader(in, StandardCharsets.UTF_8), file);
    }

    /** As {@link #read(InputStream, String)}, for text that names no file (errors say {@code <input>}). */
    public static Table read(InputStream in) throws IOException { return read(in, "<input>"); }

    public static Table read(Reader reader) throws IOException { return read(reader, "<input>"); }

    public static Table read(Reader reader, String file) throws IOException {
        CsvRecords records = new CsvRecords(new BufferedReader(reader, 1 << 14), file, CsvRecords.TABLES);
        List<String> header = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        List<Row> rows = new ArrayList<>();
        List<String> rec;
        while ((rec = records.next()) != null) {
            if (rec.size() == 1 && rec.get(0).isBlank()) continue;
            if (header.isEmpty()) {
                for (String h : rec) {
                    String name = h.trim().toLowerCase(Locale.ROOT);
                    // A second column of the same name would be read silently instead of the first.
                    if (!name.isEmpty() && index.putIfAbsent(name, header.size()) != null)
                        throw new BadInputException(file, records.line(), Integer.toString(header.size() + 1),
                                "the header names the column '" + name + "' twice");
                    header.add(name);
                }
                continue;
            }
            String[] values = new String[Math.min(header.size(), rec.size())];
            for (int i = 0; i < values.length; i++) values[i] = rec.get(i).trim();
            rows.add(new Row(records.line(), index, values));
        }
        return new Table(Collections.unmodifiableList(header), rows);
    }
}
