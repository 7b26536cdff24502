package io.wabill.report.xlsx;

import java.util.Map;
import java.util.Set;

/**
 * What a CSV column holds, so the workbook can give its cells a type: numbers as numbers, days and months as dates,
 * instants as date-times (UTC), and everything else (phone numbers, ids, names) as text, which Excel never turns into
 * 5.51194E+12. Columns are known by the names wabill's CSV files give them; an unknown column is text.
 */
enum CellKind {
    TEXT(null),
    INTEGER("#,##0"),
    /** Money and other exact decimals, shown with four places (the workbook keeps every digit the CSV has). */
    AMOUNT("#,##0.0000"),
    /** A rate of a card: up to eight places, as printed. */
    RATE("0.0000####"),
    DECIMAL("0.00##"),
    /** "5%" in the CSV: the number 0.05 shown as a percentage. */
    PERCENT_TEXT("0.##%"),
    DATE("yyyy-mm-dd"),
    /** "2026-10": the first day of the month, shown as the month. */
    MONTH("yyyy-mm"),
    /** An ISO-8601 instant in UTC, as a date-time in UTC. */
    INSTANT("yyyy-mm-dd hh:mm:ss");

    final String format;

    CellKind(String format) { this.format = format; }

    private static final Map<String, CellKind> BY_COLUMN = Map.ofEntries(
            Map.entry("month", MONTH), Map.entry("day", DATE), Map.entry("expected_date", DATE),
            Map.entry("timestamp", INSTANT), Map.entry("charged_at", INSTANT),
            Map.entry("messages", INTEGER), Map.entry("charged_messages", INTEGER), Map.entry("rows", INTEGER),
            Map.entry("runs", INTEGER), Map.entry("rank", INTEGER), Map.entry("intended", INTEGER),
            Map.entry("sent_as_logged", INTEGER), Map.entry("sent_changed", INTEGER), Map.entry("deferred", INTEGER),
            Map.entry("dropped", INTEGER), Map.entry("pending", INTEGER), Map.entry("cumulative", INTEGER),
            Map.entry("next_band_from", INTEGER), Map.entry("run", INTEGER), Map.entry("seed", INTEGER),
            Map.entry("line", INTEGER), Map.entry("messages_p10", INTEGER), Map.entry("messages_p50", INTEGER),
            Map.entry("messages_p90", INTEGER),
            Map.entry("amount", AMOUNT), Map.entry("baseline_amount", AMOUNT), Map.entry("delta", AMOUNT),
            Map.entry("total", AMOUNT), Map.entry("spend", AMOUNT), Map.entry("spend_mean", AMOUNT),
            Map.entry("spend_p10", AMOUNT), Map.entry("spend_p50", AMOUNT), Map.entry("spend_p90", AMOUNT),
            Map.entry("rate", RATE),
            Map.entry("messages_mean", DECIMAL), Map.entry("delta_pct", DECIMAL), Map.entry("mean_delay_hours", DECIMAL),
            Map.entry("p95_delay_hours", DECIMAL), Map.entry("runs_reached_share", DECIMAL),
            Map.entry("monthly_growth", PERCENT_TEXT));

    /**
     * Columns whose CSV cells mix a typed value with words ({@code expected_date} is a day or "not reached"): in the
     * workbook they become two columns, the typed value (empty where there is none) and {@code <name>_note}.
     */
    static final Set<String> SPLIT = Set.of("expected_date");

    static CellKind of(String column) { return BY_COLUMN.getOrDefault(column, TEXT); }
}
