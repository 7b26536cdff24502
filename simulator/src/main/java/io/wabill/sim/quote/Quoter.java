package io.wabill.sim.quote;

import io.wabill.sim.domain.Regime;
import io.wabill.sim.money.Money;
import io.wabill.sim.rates.Band;
import io.wabill.sim.rates.Bands;
import io.wabill.sim.rates.CardChoice;
import io.wabill.sim.rates.CatalogException;
import io.wabill.sim.rates.RateCard;
import io.wabill.sim.rates.RateCatalog;
import io.wabill.sim.rates.RateCategory;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/**
 * Prices monthly volumes without a log, by the per-message rules (PMP, D1-D6; PMP-26, E1-E3): marketing at the list
 * rate (D4), utility and authentication over the graduated volume bands of the card (D6: message n of the month
 * takes the band holding n, exactly as the engine counts one portfolio's charged messages per market), service at
 * the service rate without tiers (E2). What depends on the conversation (the window, the free tier) comes from the
 * stated {@link Assumptions}. A volume is one portfolio's month in one market, so its tier counter starts at 1.
 *
 * <p>Conversation-based regimes (NBP, CBP) bill conversations, which volumes alone cannot tell: a quote for a month
 * under them is refused. Free entry points (D5) and authentication-international (X1) are outside a quote's inputs.
 */
public final class Quoter {
    private final RateCatalog catalog;
    private final String currency;
    private final RateCard pinned;
    private final Regime forced;
    private final boolean allowStale;
    private final Assumptions assumptions;

    /**
     * @param pinnedCard {@code CUR@YYYY-MM-DD} to price every month with, or null for the card in force (G2) on each
     *                   month's first day
     * @param forced     the regime to price under, or null for the timeline (G1)
     */
    public Quoter(RateCatalog catalog, String currency, String pinnedCard, Regime forced, boolean allowStale,
                  Assumptions assumptions) {
        this.catalog = catalog;
        this.currency = currency;
        this.forced = forced;
        this.allowStale = allowStale;
        this.assumptions = assumptions;
        this.pinned = pinnedCard == null ? null : pinned(pinnedCard);
    }

    private RateCard pinned(String id) {
        int at = id.indexOf('@');
        LocalDate date;
        try {
            if (at != 3) throw new java.time.format.DateTimeParseException("no CUR@", id, 0);
            date = LocalDate.parse(id.substring(at + 1));
        } catch (java.time.format.DateTimeParseException e) {
            throw new CatalogException("a card is written CUR@YYYY-MM-DD, was '" + id + "'");
        }
        RateCard card = catalog.card(id.substring(0, at), date);
        if (card == null) throw new CatalogException("no card " + id + " in " + catalog.description());
        if (!card.currency().equals(currency))
            throw new CatalogException("the card " + id + " is in " + card.currency() + " but the quote is in " + currency);
        return card;
    }

    /** The regime a month is priced under. */
    public Regime regime(java.time.YearMonth month) {
        return forced != null ? forced : Regime.onLocalDate(month.atDay(1));
    }

    public QuoteLine price(Volume v) {
        Regime regime = regime(v.month());
        if (!regime.isPerMessage())
            throw new IllegalArgumentException(v.month() + " is under " + regime.label() + ", which bills conversations: "
                    + "a quote from volumes prices PMP and PMP-26 only (give --regime PMP or PMP-26 for a what-if)");
        CardChoice choice = pinned != null ? new CardChoice(pinned, false, false)
                : catalog.choose(currency, v.month().atDay(1), allowStale);
        RateCard card = choice.card();
        boolean paidService = regime == Regime.PMP26;
        long n = v.messages();
        switch (v.category()) {
            case MARKETING:
                return list(v, regime, choice, bands(card, v, RateCategory.MARKETING), 0, "D4 marketing at the list rate");
            case AUTHENTICATION:
                return tiered(v, regime, choice, bands(card, v, RateCategory.AUTHENTICATION), 0, "D4 D6 graduated bands");
            case UTILITY:
                if (paidService)
                    return tiered(v, regime, choice, bands(card, v, RateCategory.UTILITY), 0,
                            "E1 D6: charged inside the window too, graduated bands");
                long inWindow = share(n, assumptions.utilityInWindow());
                return tiered(v, regime, choice, bands(card, v, RateCategory.UTILITY), inWindow,
                        "D3: " + percent(assumptions.utilityInWindow()) + " inside the window free (assumed); D6 graduated bands");
            default:
                if (!paidService)
                    return new QuoteLine(v.month(), v.market(), v.category(), n, n, 0, 0, currency, regime, card.id(), "",
                            "D2 service messages free");
                long free = share(n, assumptions.serviceInFreeTier());
                Bands service = card.bands(v.market(), RateCategory.SERVICE);
                String basis = "E3: " + percent(assumptions.serviceInFreeTier()) + " inside the free tier (assumed); E2";
                if (service == null) {
                    service = bands(card, v, RateCategory.UTILITY);
                    basis += " at the utility list rate (card has no service rate)";
                }
                return list(v, regime, choice, service, free, basis);
        }
    }

    private Bands bands(RateCard card, Volume v, RateCategory category) {
        Bands b = card.bands(v.market(), category);
        if (b == null)
            throw new CatalogException("rate card " + card.id() + " (" + card.source() + ") "
                    + (card.hasMarket(v.market()) ? "has no " + category.code() + " rate for market " + v.market()
                    : "has no rates for market " + v.market()));
        return b;
    }

    /** An untiered rate: every charged message at the first band. */
    private QuoteLine list(Volume v, Regime regime, CardChoice choice, Bands bands, long free, String basis) {
        long charged = v.messages() - free;
        long units = Money.times(charged, bands.unitsAt(0));
        String used = charged == 0 ? "" : "list x " + bands.band(0).rate().toPlainString() + " = " + charged;
        return new QuoteLine(v.month(), v.market(), v.category(), v.messages(), free, charged, units, currency, regime,
                choice.card().id(), used, basis + remarks(choice));
    }

    /** D6: charged message n takes the band holding n; a list-only period prices at the first band (G2a). */
    private QuoteLine tiered(Volume v, Regime regime, CardChoice choice, Bands bands, long free, String basis) {
        long charged = v.messages() - free;
        if (choice.tiersUnknown()) {
            QuoteLine l = list(v, regime, choice, bands, free, basis);
            return new QuoteLine(l.month(), l.market(), l.category(), l.messages(), l.free(), l.charged(), l.units(),
                    l.currency(), l.regime(), l.rateCard(), l.bands(), l.basis() + "; tiers-unknown");
        }
        long units = 0, below = 0;
        StringBuilder used = new StringBuilder();
        for (int i = 0; i < bands.size() && below < charged; i++) {
            Band b = bands.band(i);
            long upper = i == bands.size() - 1 ? Long.MAX_VALUE : b.to();
            long count = Math.min(charged, upper) - below;
            if (count <= 0) continue;
            units = Money.add(units, Money.times(count, bands.unitsAt(i)));
            if (used.length() > 0) used.append("; ");
            used.append(b.label()).append(" x ").append(b.rate().toPlainString()).append(" = ").append(count);
            below += count;
        }
        return new QuoteLine(v.month(), v.market(), v.category(), v.messages(), free, charged, units, currency, regime,
                choice.card().id(), used.toString(), basis + remarks(choice));
    }

    private static String remarks(CardChoice choice) { return choice.stale() ? "; stale-card" : ""; }

    static long share(long messages, BigDecimal share) {
        return BigDecimal.valueOf(messages).multiply(share).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    static String percent(BigDecimal share) {
        return share.movePointRight(2).stripTrailingZeros().toPlainString() + " %";
    }
}
