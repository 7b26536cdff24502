package io.wabill.data.rates;

import io.wabill.sim.rates.Band;
import io.wabill.sim.rates.Bands;
import io.wabill.sim.rates.CardProblem;
import io.wabill.sim.rates.RateCategory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Checks that the bands of one (market, category) start at 1, are contiguous, and end open. */
public final class BandChecks {
    private BandChecks() {}

    /** The bands, or null after adding every gap, overlap and closed end to {@code problems}. */
    public static Bands check(List<Band> bands, String file, String market, RateCategory category,
                              Map<String, Long> lines, List<CardProblem> problems) {
        List<Band> sorted = new ArrayList<>(bands);
        sorted.sort(Comparator.comparingLong(Band::from));
        int before = problems.size();
        String where = market + " " + category.code();
        long expected = 1;
        for (Band b : sorted) {
            long line = lines.getOrDefault(market + "|" + category + "|" + b.from(), 0L);
            if (b.from() > expected)
                problems.add(new CardProblem(file, line, "tier_from", where + ": band gap, messages " + expected + " to "
                        + (b.from() - 1) + " have no rate"));
            else if (b.from() < expected)
                problems.add(new CardProblem(file, line, "tier_from", where + ": band overlap, band " + b.label()
                        + " starts inside the band before it"));
            expected = b.isOpen() ? Long.MAX_VALUE : b.to() + 1;
            if (b.isOpen() && b != sorted.get(sorted.size() - 1))
                problems.add(new CardProblem(file, line, "tier_to", where + ": an open band must be the last one"));
        }
        Band last = sorted.get(sorted.size() - 1);
        if (!last.isOpen())
            problems.add(new CardProblem(file, lines.getOrDefault(market + "|" + category + "|" + last.from(), 0L),
                    "tier_to", where + ": the last band must be open (empty tier_to), ends at " + last.to()));
        return problems.size() > before ? null : new Bands(sorted);
    }
}
