package io.wabill.data.quote;

import io.wabill.data.log.ByteCsvScanner;
import io.wabill.sim.quote.QuoteCategory;
import io.wabill.sim.quote.Volume;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the volumes a quote prices from a CSV file with a header: {@code month} (YYYY-MM; optional when a default
 * month is given), {@code market}, {@code category} (marketing, utility, authentication, service) and
 * {@code messages} (delivered messages, a whole number). Columns may come in any order; others are ignored. Every
 * problem is reported at once, each with file, line, column and what was expected.
 */
public final class VolumesReader {
    /** One or more bad cells; the message lists them all. */
    public static final class VolumesException extends RuntimeException {
        public VolumesException(String message) { super(message); }
    }

    /** The longest row read: a volumes row is a few cells; past this it is an unbalanced quote, not a row. */
    static final int MAX_ROW = 100_000;

    private VolumesReader() {}

    public static List<Volume> read(Path file, YearMonth defaultMonth) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString(), defaultMonth);
        }
    }

    /** @param in UTF-8 CSV bytes */
    public static List<Volume> read(InputStream in, String name, YearMonth defaultMonth) throws IOException {
        ByteCsvScanner csv = new ByteCsvScanner(in, MAX_ROW);
        List<String> problems = new ArrayList<>();
        if (!csv.next()) throw new VolumesException(name + ": empty; expected a header month,market,category,messages");
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < csv.size(); i++) columns.put(csv.cell(i).strip().toLowerCase(Locale.ROOT), i);
        for (String required : List.of("market", "category", "messages"))
            if (!columns.containsKey(required)) problems.add(name + ":1: no column '" + required + "' in the header");
        if (!columns.containsKey("month") && defaultMonth == null)
            problems.add(name + ":1: no column 'month' in the header, and no --month given");
        if (!problems.isEmpty()) throw new VolumesException(String.join("\n", problems));
        List<Volume> volumes = new ArrayList<>();
        long line = 1;
        while (csv.next()) {
            line++;
            if (csv.size() == 1 && csv.cell(0).isBlank()) continue;
            String where = name + ":" + line;
            YearMonth month = defaultMonth;
            Integer mc = columns.get("month");
            if (mc != null && mc < csv.size() && !csv.cell(mc).isBlank()) {
                try {
                    month = YearMonth.parse(csv.cell(mc).strip());
                } catch (DateTimeParseException e) {
                    problems.add(where + " column month: '" + csv.cell(mc) + "' is not a month YYYY-MM");
                }
            } else if (month == null) {
                problems.add(where + " column month: empty, and no --month given");
            }
            String market = cell(csv, columns.get("market"));
            if (market.isEmpty()) problems.add(where + " column market: empty; expected a market name (wabill rates list)");
            QuoteCategory category = QuoteCategory.parse(cell(csv, columns.get("category")));
            if (category == null)
                problems.add(where + " column category: '" + cell(csv, columns.get("category"))
                        + "' is not one of " + QuoteCategory.names());
            long messages = -1;
            String m = cell(csv, columns.get("messages"));
            try {
                messages = Long.parseLong(m.replace("_", ""));
                if (messages < 0) problems.add(where + " column messages: " + m + " is negative");
            } catch (NumberFormatException e) {
                problems.add(where + " column messages: '" + m + "' is not a whole number of messages");
            }
            if (month != null && !market.isEmpty() && category != null && messages >= 0)
                volumes.add(new Volume(month, market, category, messages));
        }
        if (!problems.isEmpty()) throw new VolumesException(String.join("\n", problems));
        return volumes;
    }

    private static String cell(ByteCsvScanner csv, Integer column) {
        return column == null || column >= csv.size() ? "" : csv.cell(column).strip();
    }
}
