package io.wabill.report;

import io.wabill.sim.engine.LedgerLine;
import io.wabill.sim.engine.LedgerSink;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a run actually used, for the report's inputs section: each rate card that priced a line and each regime
 * that decided one (G1, G2), with the first and last account-local day and the number of lines.
 */
public final class RunFacts implements LedgerSink {
    /** Lines and the day range of one card or regime. */
    public static final class Use {
        long lines;
        LocalDate first, last;

        public long lines() { return lines; }

        public LocalDate first() { return first; }

        public LocalDate last() { return last; }

        void add(LocalDate day) {
            lines++;
            if (first == null || day.isBefore(first)) first = day;
            if (last == null || day.isAfter(last)) last = day;
        }
    }

    private final LocalDays days;
    private final Map<String, Use> cards = new TreeMap<>();
    private final Map<String, Use> regimes = new TreeMap<>();

    // Runs of lines share a card and a regime; remembering the last ones saves two map lookups a line.
    private String lastCard;
    private Use lastCardUse;
    private io.wabill.sim.domain.Regime lastRegime;
    private Use lastRegimeUse;

    public RunFacts(LocalDays days) { this.days = days; }

    @Override public void accept(LedgerLine l) {
        long at = l.chargedAt() != io.wabill.sim.events.LogRow.NONE ? l.chargedAt() : l.message().sendAt();
        LocalDate day = days.day(l.message().account(), at);
        if (l.rateCard() != null) {
            if (!l.rateCard().equals(lastCard)) {
                lastCard = l.rateCard();
                lastCardUse = cards.computeIfAbsent(lastCard, k -> new Use());
            }
            lastCardUse.add(day);
        }
        if (l.regime() != null) {
            if (l.regime() != lastRegime) {
                lastRegime = l.regime();
                lastRegimeUse = regimes.computeIfAbsent(lastRegime.label(), k -> new Use());
            }
            lastRegimeUse.add(day);
        }
    }

    /** Adds the uses seen by a run priced apart (another portfolio's lane). */
    public void addAll(RunFacts other) {
        merge(cards, other.cards);
        merge(regimes, other.regimes);
        lastCard = null;
        lastCardUse = null;
        lastRegime = null;
        lastRegimeUse = null;
    }

    private static void merge(Map<String, Use> into, Map<String, Use> from) {
        for (var e : from.entrySet()) {
            Use u = into.computeIfAbsent(e.getKey(), k -> new Use());
            Use o = e.getValue();
            u.lines += o.lines;
            if (u.first == null || (o.first != null && o.first.isBefore(u.first))) u.first = o.first;
            if (u.last == null || (o.last != null && o.last.isAfter(u.last))) u.last = o.last;
        }
    }

    /** Card id ({@code CUR@YYYY-MM-DD}) to its use, by id. */
    public Map<String, Use> cards() { return cards; }

    /** Regime label to its use, by label. */
    public Map<String, Use> regimes() { return regimes; }
}
