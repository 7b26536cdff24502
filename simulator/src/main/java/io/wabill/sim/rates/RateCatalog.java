package io.wabill.sim.rates;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Rate cards by currency and effective date, with the catalog's declared coverage (G2, G2a).
 * Old history is priced with the card in force at the time; a what-if card replaces that choice only
 * when the caller pins one.
 */
public final class RateCatalog {
    private final Map<String, List<RateCard>> byCurrency = new TreeMap<>();
    private final Map<String, List<CoveragePeriod>> coverage = new HashMap<>();
    private final String description;

    public RateCatalog(Collection<RateCard> cards, Collection<CoveragePeriod> periods, String description) {
        for (RateCard c : cards) byCurrency.computeIfAbsent(c.currency(), k -> new ArrayList<>()).add(c);
        for (List<RateCard> l : byCurrency.values()) l.sort(Comparator.comparing(RateCard::effective));
        for (CoveragePeriod p : periods) coverage.computeIfAbsent(p.currency(), k -> new ArrayList<>()).add(p);
        this.description = description;
    }

    public String description() { return description; }

    public List<RateCard> cards() {
        List<RateCard> all = new ArrayList<>();
        byCurrency.values().forEach(all::addAll);
        return all;
    }

    public List<CoveragePeriod> coverage() {
        List<CoveragePeriod> all = new ArrayList<>();
        coverage.values().forEach(all::addAll);
        all.sort(Comparator.comparing(CoveragePeriod::currency)
                .thenComparing(p -> p.from() == null ? LocalDate.MIN : p.from()));
        return all;
    }

    public boolean hasCurrency(String currency) { return byCurrency.containsKey(currency); }

    /** The newest card of a currency whose effective date is not after {@code day}, or null. */
    public RateCard cardAt(String currency, LocalDate day) {
        List<RateCard> cards = byCurrency.get(currency);
        if (cards == null) return null;
        RateCard found = null;
        for (RateCard c : cards) {
            if (c.effective().isAfter(day)) break;
            found = c;
        }
        return found;
    }

    /** The card with exactly this currency and date, for what-if pinning. */
    public RateCard card(String currency, LocalDate effective) {
        for (RateCard c : byCurrency.getOrDefault(currency, List.of())) if (c.effective().equals(effective)) return c;
        return null;
    }

    /**
     * The card a user names as {@code CUR@YYYY-MM-DD} to price with (a what-if card, a quote's card): its currency
     * and exact effective date. A {@link CatalogException} says how a card is named, or, when the catalog has no such
     * card, which cards of that currency it has and where the missing one comes from.
     */
    public RateCard named(String id) {
        int at = id.indexOf('@');
        if (at != 3) throw new CatalogException("a card is written CUR@YYYY-MM-DD, was '" + id + "'");
        LocalDate date;
        try {
            date = LocalDate.parse(id.substring(at + 1));
        } catch (java.time.format.DateTimeParseException e) {
            throw new CatalogException("a card is written CUR@YYYY-MM-DD, was '" + id + "'");
        }
        String currency = id.substring(0, at);
        RateCard card = card(currency, date);
        if (card == null) {
            List<String> ids = new ArrayList<>();
            for (RateCard c : byCurrency.getOrDefault(currency, List.of())) ids.add(c.id());
            throw new CatalogException("no card " + id + " in " + description
                    + (ids.isEmpty() ? "" : " (its " + currency + " cards: " + String.join(", ", ids) + ")") + "; to use it, "
                    + MissingCardAdvice.of(currency, date));
        }
        return card;
    }

    /**
     * Chooses the card for a charge on local day {@code day} (G2, G2a); throws a {@link CatalogException}
     * naming the currency and period when the catalog cannot price it.
     */
    public CardChoice choose(String currency, LocalDate day, boolean allowStale) {
        if (!byCurrency.containsKey(currency)) {
            throw new CatalogException("no rate card for currency " + currency + " in " + description
                    + " (cards exist for " + String.join(", ", byCurrency.keySet()) + "): " + MissingCardAdvice.of(currency, day));
        }
        CoveragePeriod period = periodOf(currency, day);
        RateCard card = cardAt(currency, day);
        if (period != null && period.status() == CoverageStatus.MISSING) {
            if (!allowStale || card == null) {
                throw new CatalogException("the catalog has no " + currency + " rates for " + day
                        + ": period " + period.describe() + " is declared missing"
                        + (period.note() == null || period.note().isEmpty() ? "" : " (" + period.note() + ")")
                        + ": " + MissingCardAdvice.of(currency, day)
                        + (card == null ? "" : "; or price it with the newest older card, " + card.id()
                            + ", with --allow-stale-card (G2a)"));
            }
            return new CardChoice(card, false, true);
        }
        if (card == null) {
            RateCard first = byCurrency.get(currency).get(0);
            throw new CatalogException("no " + currency + " rate card in force on " + day
                    + " (the first card is " + first.id() + "): " + MissingCardAdvice.of(currency, day));
        }
        boolean listOnly = period != null && period.status() == CoverageStatus.LIST_ONLY;
        return new CardChoice(card, listOnly, false);
    }

    private CoveragePeriod periodOf(String currency, LocalDate day) {
        for (CoveragePeriod p : coverage.getOrDefault(currency, List.of())) if (p.contains(day)) return p;
        return null;
    }
}
