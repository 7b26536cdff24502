package io.wabill.report.fees;

import io.wabill.sim.domain.BillableCategory;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a fee schedule: a CSV with a header {@code from,category,per_message,percent,currency} (any order; lines
 * starting with {@code #} are comments). {@code per_message} and {@code percent} may be empty (zero) but not both.
 * Every problem is reported at once, with file, line, column and what was expected.
 */
public final class FeeScheduleReader {
    public static final List<String> COLUMNS = List.of("from", "category", "per_message", "percent", "currency");

    /** One or more bad cells; the message lists them all. */
    public static final class FeeScheduleException extends RuntimeException {
        public FeeScheduleException(String message) { super(message); }
    }

    private FeeScheduleReader() {}

    public static FeeSchedule read(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(r, file.toString());
        }
    }

    public static FeeSchedule read(Reader in, String name) throws IOException {
        List<String> problems = new ArrayList<>();
        List<FeeSchedule.Row> rows = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setCommentMarker('#')
                .setIgnoreEmptyLines(true).setTrim(true).build();
        try (CSVParser p = format.parse(in)) {
            for (String c : COLUMNS)
                if (!p.getHeaderMap().containsKey(c)) problems.add(name + ": no column '" + c + "' in the header (expected "
                        + String.join(",", COLUMNS) + ")");
            if (!problems.isEmpty()) throw new FeeScheduleException(String.join("\n", problems));
            for (CSVRecord rec : p) {
                String where = name + ":" + rec.getParser().getCurrentLineNumber();
                LocalDate from = null;
                try {
                    from = LocalDate.parse(rec.get("from"));
                } catch (DateTimeParseException e) {
                    problems.add(where + " column from: '" + rec.get("from") + "' is not a date YYYY-MM-DD");
                }
                String category = rec.get("category").toLowerCase(Locale.ROOT);
                if (!category.equals(FeeSchedule.ANY) && !known(category))
                    problems.add(where + " column category: '" + rec.get("category") + "' is not a billable category or *");
                BigDecimal perMessage = decimal(rec.get("per_message"), where, "per_message", problems);
                BigDecimal percent = decimal(rec.get("percent"), where, "percent", problems);
                if (rec.get("per_message").isEmpty() && rec.get("percent").isEmpty())
                    problems.add(where + ": neither per_message nor percent is given");
                String currency = rec.get("currency").toUpperCase(Locale.ROOT);
                if (!currency.matches("[A-Z]{3}"))
                    problems.add(where + " column currency: '" + rec.get("currency") + "' is not a currency code like USD");
                if (from != null && !seen.add(from + "|" + category + "|" + currency))
                    problems.add(where + ": a second row for " + category + " in " + currency + " from " + from);
                if (from != null && perMessage != null && percent != null)
                    rows.add(new FeeSchedule.Row(from, category, perMessage, percent, currency));
            }
        }
        if (!problems.isEmpty()) throw new FeeScheduleException(String.join("\n", problems));
        return new FeeSchedule(rows);
    }

    private static boolean known(String category) {
        for (BillableCategory c : BillableCategory.values()) if (c != BillableCategory.NONE && c.code().equals(category)) return true;
        return false;
    }

    private static BigDecimal decimal(String text, String where, String column, List<String> problems) {
        if (text.isEmpty()) return BigDecimal.ZERO;
        try {
            BigDecimal d = new BigDecimal(text);
            if (d.signum() < 0) {
                problems.add(where + " column " + column + ": " + text + " is negative");
                return null;
            }
            return d;
        } catch (NumberFormatException e) {
            problems.add(where + " column " + column + ": '" + text + "' is not a decimal number");
            return null;
        }
    }
}
