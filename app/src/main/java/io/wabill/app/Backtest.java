package io.wabill.app;

import io.wabill.report.CsvDialect;
import io.wabill.report.CsvWriter;
import io.wabill.report.LedgerFormat;
import io.wabill.sim.account.AccountBook;
import io.wabill.sim.engine.LedgerLine;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A forecast checked against what happened ({@code wabill forecast --backtest LOG --holdout N}): the log is priced
 * as {@code simulate} prices it (the actuals, per local month, market and category), the traffic model is fitted to
 * the months before the last N, and a forecast of those N months is compared cell by cell with the actuals: is
 * each actual inside the forecast's P10-P90 band? A band that means what it says holds about 80 % of the cells.
 *
 * <p>Cells count when the actual or the forecast's P90 is above zero (a category nobody sends is not a hit).
 * Coverage is given for spend and for messages; the holdout must be whole local months, so a log that ends in
 * the middle of a month leaves that month out.
 */
public final class Backtest {
    public static final List<String> COLUMNS = List.of("month", "market", "category", "currency", "measure", "actual", "p10", "p50", "p90",
            "inside");
    public static final List<String> SUMMARY_COLUMNS = List.of("measure", "cells", "inside", "below_p10", "above_p90", "coverage");

    /** The months of a log and its actuals, gathered from the ledger lines of the priced log. */
    public static final class Actuals implements SimulationRun.LedgerTap {
        private final AccountBook accounts;
        private RunLedger ledger;
        int firstMonth = Integer.MAX_VALUE, lastMonth = Integer.MIN_VALUE;
        long lastSend = Long.MIN_VALUE;

        public Actuals(AccountBook accounts) {
            this.accounts = accounts;
            restart();
        }

        @Override public void accept(LedgerLine line) {
            firstMonth = Math.min(firstMonth, line.localMonth());
            lastMonth = Math.max(lastMonth, line.localMonth());
            lastSend = Math.max(lastSend, line.message().sendAt());
            ledger.accept(line);
        }

        @Override public void restart() {
            ledger = new RunLedger(Integer.MIN_VALUE, Integer.MAX_VALUE, accounts);
            firstMonth = Integer.MAX_VALUE;
            lastMonth = Integer.MIN_VALUE;
            lastSend = Long.MIN_VALUE;
        }

        public TreeMap<RunLedger.Key, RunLedger.Cell> cells() { return ledger.result(); }
    }

    /** The holdout: its first local month (index {@code year * 12 + month - 1}) and how many. */
    public record Holdout(int firstMonth, int months, LocalDate start, long startMillis, String note) {}

    /**
     * The last {@code n} whole local months of a log: a last month the log does not reach the end of is left
     * out. Fails when nothing would be left to fit on.
     */
    public static Holdout holdout(Actuals a, int n, ZoneId zone) {
        if (a.lastMonth == Integer.MIN_VALUE) throw new UserException("the backtest log has no priced messages");
        int last = a.lastMonth;
        String note = null;
        LocalDate lastDay = Instant.ofEpochMilli(a.lastSend).atZone(zone).toLocalDate();
        if (lastDay.getDayOfMonth() != lastDay.lengthOfMonth() && lastDay.getYear() * 12 + lastDay.getMonthValue() - 1 == last) {
            note = "the log ends on " + lastDay + ", before the end of its last month: " + LedgerLine.monthLabel(last)
                    + " is left out of the backtest";
            last--;
        }
        int first = last - n + 1;
        if (first <= a.firstMonth) {
            throw new UserException("--holdout " + n + " leaves no whole month to fit on: the log covers " + LedgerLine.monthLabel(a.firstMonth)
                    + " to " + LedgerLine.monthLabel(a.lastMonth) + (note != null ? " (the last one incomplete)" : ""));
        }
        LocalDate start = LocalDate.of(first / 12, first % 12 + 1, 1);
        return new Holdout(first, n, start, start.atStartOfDay(zone).toInstant().toEpochMilli(), note);
    }

    /** One compared cell: actual, the band, inside or not. */
    public record Row(RunLedger.Key key, String measure, long actual, long p10, long p50, long p90) {
        public boolean inside() { return actual >= p10 && actual <= p90; }
    }

    private final List<Row> rows = new java.util.ArrayList<>();

    /** Compares each cell of the holdout's months; {@code table} holds the forecast of exactly those months. */
    public Backtest(TreeMap<RunLedger.Key, RunLedger.Cell> actual, ForecastTable table, Holdout h) {
        TreeSet<RunLedger.Key> keys = new TreeSet<>();
        for (RunLedger.Key k : actual.keySet()) if (inHoldout(k, h)) keys.add(k);
        keys.addAll(table.keys());
        for (RunLedger.Key k : keys) {
            RunLedger.Cell c = actual.get(k);
            long[] m = table.quantiles(k, 0), u = table.quantiles(k, 1);
            long messages = c == null ? 0 : c.messages, units = c == null ? 0 : c.units;
            if (units != 0 || u[2] != 0) rows.add(new Row(k, "spend", units, u[0], u[1], u[2]));
            if (messages != 0 || m[2] != 0) rows.add(new Row(k, "messages", messages, m[0], m[1], m[2]));
        }
    }

    private static boolean inHoldout(RunLedger.Key k, Holdout h) {
        for (int i = 0; i < h.months(); i++) if (k.month().equals(LedgerLine.monthLabel(h.firstMonth() + i))) return true;
        return false;
    }

    public List<Row> rows() { return rows; }

    /** {cells, inside, below, above} of one measure. */
    public long[] count(String measure) {
        long[] c = new long[4];
        for (Row r : rows) {
            if (!r.measure().equals(measure)) continue;
            c[0]++;
            if (r.inside()) c[1]++;
            else if (r.actual() < r.p10()) c[2]++;
            else c[3]++;
        }
        return c;
    }

    public static String percent(long part, long whole) {
        if (whole == 0) return "";
        return BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_EVEN).toPlainString() + "%";
    }

    public void write(Writer out, CsvDialect dialect) throws IOException {
        CsvWriter csv = new CsvWriter(out, dialect);
        csv.row(COLUMNS.toArray(new String[0]));
        for (Row r : rows) {
            boolean money = r.measure().equals("spend");
            csv.raw(r.key().month()).text(r.key().market()).raw(r.key().category()).raw(r.key().currency()).raw(r.measure())
                    .raw(money ? LedgerFormat.amount(r.actual()) : Long.toString(r.actual()))
                    .raw(money ? LedgerFormat.amount(r.p10()) : Long.toString(r.p10()))
                    .raw(money ? LedgerFormat.amount(r.p50()) : Long.toString(r.p50()))
                    .raw(money ? LedgerFormat.amount(r.p90()) : Long.toString(r.p90()))
                    .raw(r.inside() ? "yes" : "no");
            csv.endRow();
        }
        csv.close();
    }

    public void writeSummary(Writer out, CsvDialect dialect) throws IOException {
        CsvWriter csv = new CsvWriter(out, dialect);
        csv.row(SUMMARY_COLUMNS.toArray(new String[0]));
        for (String measure : List.of("spend", "messages")) {
            long[] c = count(measure);
            csv.raw(measure).number(c[0]).number(c[1]).number(c[2]).number(c[3]).raw(percent(c[1], c[0]));
            csv.endRow();
        }
        csv.close();
    }

    public void print(PrintWriter out) {
        out.println("Backtest: actual inside the forecast's P10-P90 band (aim: about 80 % of cells)");
        for (String measure : List.of("spend", "messages")) {
            long[] c = count(measure);
            out.printf("  %-8s %d of %d cells inside (%s); %d below P10, %d above P90%n", measure, c[1], c[0],
                    c[0] == 0 ? "no cells" : percent(c[1], c[0]), c[2], c[3]);
        }
        for (Row r : rows) {
            if (!r.measure().equals("spend") || r.inside()) continue;
            out.printf("  outside: %s %s %s %s actual %s, band %s .. %s%n", r.key().month(), r.key().market(), r.key().category(),
                    r.key().currency(), LedgerFormat.amount(r.actual()), LedgerFormat.amount(r.p10()), LedgerFormat.amount(r.p90()));
        }
    }
}
