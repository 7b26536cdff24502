package io.wabill.sim.market;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The effective-dated map from country (ISO 3166 alpha-2) to Meta's pricing market (G4, G5). */
public final class MarketMap {
    /** The market of a country listed in no market (G4). */
    public static final String OTHER = "Other";

    private final Map<String, List<MarketAssignment>> byCountry = new HashMap<>();
    private final Set<String> markets = new TreeSet<>();

    public MarketMap(Collection<MarketAssignment> rows) {
        for (MarketAssignment r : rows) {
            byCountry.computeIfAbsent(r.iso2(), k -> new ArrayList<>()).add(r);
            markets.add(r.market());
        }
        markets.add(OTHER);
    }

    /** The market of a country on a local day; {@link #OTHER} when the country is listed nowhere then. */
    public String marketOf(String iso2, LocalDate day) {
        List<MarketAssignment> rows = iso2 == null ? null : byCountry.get(iso2);
        if (rows != null) {
            for (MarketAssignment r : rows) if (r.validOn(day)) return r.market();
        }
        return OTHER;
    }

    /**
     * As {@link #marketOf(String, LocalDate)}, and writes into {@code span} the first and last epoch day (inclusive) of
     * the days around {@code day} on which the answer is the same, so a caller may keep it until the day leaves that
     * span (G5: a move takes effect on its date). The first row valid on the day wins, so the span also ends where
     * an earlier row of the list starts or stops being valid.
     */
    public String marketOf(String iso2, LocalDate day, long[] span) {
        List<MarketAssignment> rows = iso2 == null ? null : byCountry.get(iso2);
        long d = day.toEpochDay();
        long from = Long.MIN_VALUE, to = Long.MAX_VALUE;
        String market = OTHER;
        if (rows != null) {
            for (MarketAssignment r : rows) {
                long rFrom = r.validFrom() == null ? Long.MIN_VALUE : r.validFrom().toEpochDay();
                long rTo = r.validTo() == null ? Long.MAX_VALUE : r.validTo().toEpochDay();
                if (r.validOn(day)) {
                    market = r.market();
                    from = Math.max(from, rFrom);
                    to = Math.min(to, rTo);
                    break;
                }
                // a row not valid on the day but before the one that is (or before none) takes over where it is valid
                if (rTo < d) from = Math.max(from, rTo + 1);
                else to = Math.min(to, rFrom - 1);
            }
        }
        span[0] = from;
        span[1] = to;
        return market;
    }

    /** Every market name the map knows, {@link #OTHER} included. */
    public Set<String> markets() { return markets; }

    public boolean knows(String market) { return markets.contains(market); }

    /** The map's rows, for display. */
    public List<MarketAssignment> rows() {
        List<MarketAssignment> all = new ArrayList<>();
        byCountry.values().forEach(all::addAll);
        all.sort(java.util.Comparator.comparing(MarketAssignment::market).thenComparing(MarketAssignment::iso2)
                .thenComparing(a -> a.validFrom() == null ? LocalDate.MIN : a.validFrom()));
        return all;
    }
}
