package io.wabill.data.rates.meta;

import io.wabill.sim.rates.Band;
import io.wabill.sim.rates.RateCategory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks the bands of every (market, category) of a file: the first starts at Meta's 0 (or 1), each next
 * one starts right after the previous one ends, and the last is open. Every gap and overlap is reported,
 * not just the first, so one run shows everything to fix.
 */
final class BandChecker {
    private BandChecker() {}

    static void check(ParsedSheet sheet) {
        Map<String, EnumMap<RateCategory, List<Band>>> checked = new LinkedHashMap<>();
        for (Map.Entry<String, EnumMap<RateCategory, List<RawBand>>> m : sheet.raw().entrySet()) {
            for (Map.Entry<RateCategory, List<RawBand>> c : m.getValue().entrySet()) {
                List<Band> bands = check(m.getKey(), c.getKey(), c.getValue(), sheet.issues());
                if (bands != null) {
                    checked.computeIfAbsent(m.getKey(), k -> new EnumMap<>(RateCategory.class)).put(c.getKey(), bands);
                }
            }
        }
        sheet.setChecked(checked);
    }

    /** The bands, from 1 with {@code to} inclusive, or null when any of them is wrong (already reported). */
    static List<Band> check(String market, RateCategory category, List<RawBand> printed, SheetIssues issues) {
        String what = market + " " + category.code();
        List<RawBand> sorted = new ArrayList<>(printed);
        sorted.sort(Comparator.comparingLong(RawBand::from)); // stable: equal starts stay in file order
        boolean ok = true;
        RawBand first = sorted.get(0);
        if (first.from() > 1) {
            issues.add(first.line(), first.column(), "the first band of " + what + " starts at "
                    + Amounts.plain(first.from()) + "; it must start at 0 or 1");
            ok = false;
        }
        RawBand previous = null;
        for (RawBand b : sorted) {
            long from = b == first ? 1 : b.from();
            if (b.to() < from) {
                issues.add(b.line(), b.column(), "a band of " + what + " ends at " + Amounts.plain(b.to())
                        + " before it starts at " + Amounts.plain(b.from()));
                ok = false;
            }
            if (previous != null) ok &= follows(previous, b, what, issues);
            if (b.rate() == null) ok = false;
            previous = b;
        }
        RawBand last = sorted.get(sorted.size() - 1);
        if (last.to() != Long.MAX_VALUE) {
            issues.add(last.line(), last.column(), "the last band of " + what + " ends at " + Amounts.plain(last.to())
                    + "; it must be open (--)");
            ok = false;
        }
        if (!ok) return null;
        List<Band> bands = new ArrayList<>(sorted.size());
        for (RawBand b : sorted) bands.add(new Band(b == first ? 1 : b.from(), b.to(), b.rate()));
        return bands;
    }

    private static boolean follows(RawBand previous, RawBand b, String what, SheetIssues issues) {
        if (previous.to() == Long.MAX_VALUE) {
            issues.add(b.line(), b.column(), "overlap: a band of " + what + " starting at " + Amounts.plain(b.from())
                    + " follows the open band on line " + previous.line());
            return false;
        }
        long expected = previous.to() + 1;
        if (b.from() > expected) {
            String missing = b.from() - 1 == expected ? "message " + Amounts.plain(expected) + " of " + what + " has"
                    : "messages " + Amounts.plain(expected) + " to " + Amounts.plain(b.from() - 1) + " of " + what + " have";
            issues.add(b.line(), b.column(), "gap: " + missing + " no band (line " + previous.line() + " ends at "
                    + Amounts.plain(previous.to()) + ")");
            return false;
        }
        if (b.from() < expected) {
            issues.add(b.line(), b.column(), "overlap: the band of " + what + " starting at " + Amounts.plain(b.from())
                    + " overlaps the band on line " + previous.line() + " that ends at " + Amounts.plain(previous.to()));
            return false;
        }
        return true;
    }
}
