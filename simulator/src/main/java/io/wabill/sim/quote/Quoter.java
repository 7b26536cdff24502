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
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Prices monthly volumes without a log. A volume is one portfolio's (one account's) month in one market, so its
 * counters start at 1.
 *
 * <p>Per-message months (PMP, D1-D6; PMP-26, E1-E5) price messages: marketing at the list rate (D4), utility and
 * authentication over the graduated volume bands of the card (D6: message n of the month takes the band holding n,
 * exactly as the engine counts one portfolio's charged messages per market and family), service at the service rate
 * without tiers (E2). Messages inside a free entry point are free and count toward no band (D5, E5).
 * Authentication to international numbers takes the authentication-international bands of the card (X1, X3), counted
 * with authentication in one family (D6) and assumed spread evenly through the month's count.
 *
 * <p>Conversation-based months price conversations, which the volumes then count: CBP-2 a conversation per
 * category (C1, C2) at the list rate, service conversations free from 2024-11-01 (C6) or the assumed share inside the
 * account's first 1,000 before (C5), authentication-international (C8, X1); CBP-1 user- and business-initiated
 * conversations (B2) beyond the assumed share inside the account's first 1,000 (B3). Free entry point conversations are
 * free (B4, C7). NBP (notifications) is refused: no bundled card survives (A6).
 *
 * <p>What depends on the conversation (the window, the free tiers, free entry points, where the customers are) comes
 * from the stated {@link Assumptions}, each a share of the volume.
 */
public final class Quoter {
    private static final LocalDate CBP2_SERVICE_FREE_FROM = LocalDate.of(2024, 11, 1);

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
        RateCard card = catalog.named(id);
        if (!card.currency().equals(currency))
            throw new CatalogException("the card " + id + " is in " + card.currency() + " but the quote is in " + currency);
        return card;
    }

    /** The regime a month is priced under. */
    public Regime regime(YearMonth month) {
        return forced != null ? forced : Regime.onLocalDate(month.atDay(1));
    }

    /** What a month's volumes count: messages, or conversations under CBP. */
    public String unit(YearMonth month) {
        return regime(month).isConversationBased() ? QuoteLine.CONVERSATIONS : QuoteLine.MESSAGES;
    }

    public QuoteLine price(Volume v) {
        Regime regime = regime(v.month());
        if (regime == Regime.NBP)
            throw new IllegalArgumentException(v.month() + " is under NBP, which bills notifications by a card no bundle "
                    + "carries (A6): a quote prices CBP-1, CBP-2, PMP and PMP-26 (give --regime for a what-if)");
        if (regime == Regime.CBP1 && !v.category().isCbp1Type())
            throw new IllegalArgumentException(v.month() + " is under CBP-1, which bills user_initiated and "
                    + "business_initiated conversations (B2), not " + v.category().code());
        if (regime != Regime.CBP1 && v.category().isCbp1Type())
            throw new IllegalArgumentException(v.month() + " is under " + regime.label() + ": " + v.category().code()
                    + " conversations are CBP-1's (B2); name marketing, utility, authentication or service");
        CardChoice choice = pinned != null ? new CardChoice(pinned, false, false)
                : catalog.choose(currency, v.month().atDay(1), allowStale);
        Pricing p = new Pricing(v, regime, choice);
        if (regime.isConversationBased()) p.conversations();
        else p.messages();
        return p.line();
    }

    /** One volume's pricing: free messages by reason, charged ones by band, and the words that say why. */
    private final class Pricing {
        final Volume v;
        final Regime regime;
        final CardChoice choice;
        final RateCard card;
        final long n;
        long free, charged, units;
        final List<String> bands = new ArrayList<>();
        final List<String> basis = new ArrayList<>();

        Pricing(Volume v, Regime regime, CardChoice choice) {
            this.v = v;
            this.regime = regime;
            this.choice = choice;
            this.card = choice.card();
            this.n = v.messages();
        }

        /** A share of the volume, made free for a stated reason (with its rule ids); returns the count. */
        long freeShare(BigDecimal share, String rules, String what) {
            long count = share(n, share);
            if (share.signum() == 0) return 0;
            if (free + count > n)
                throw new IllegalArgumentException("the assumed shares add up to more than the volume (" + n + ")");
            free += count;
            basis.add(rules + ": " + percent(share) + " " + what + " free (assumed)");
            return count;
        }

        void messages() {
            boolean pmp26 = regime == Regime.PMP26;
            // D5, E5: a free entry point window makes every message free, templates included; it counts toward no band.
            freeShare(assumptions.inFreeEntryPoint(), pmp26 ? "D5 E5" : "D5", "inside a free entry point");
            switch (v.category()) {
                case MARKETING -> listRate(bands(RateCategory.MARKETING), n - free, "D4 marketing at the list rate");
                case AUTHENTICATION -> authentication("D4 D6 graduated bands", true);
                case UTILITY -> {
                    if (pmp26) basis.add("E1: charged inside the window too");
                    else freeShare(assumptions.utilityInWindow(), "D3", "inside the customer service window");
                    tiered(bands(RateCategory.UTILITY), n - free, "");
                    basis.add("D6 graduated bands");
                }
                default -> {
                    if (!pmp26) {
                        free = n;
                        basis.add("D2 service messages free");
                        return;
                    }
                    freeShare(assumptions.serviceInFreeTier(), "E3", "inside the free tier");
                    Bands service = card.bands(v.market(), RateCategory.SERVICE);
                    String how = "E2 at the service rate, untiered";
                    if (service == null) {
                        service = bands(RateCategory.UTILITY);
                        how = "E2 at the utility list rate (card has no service rate)";
                    }
                    listRate(service, n - free, how);
                }
            }
        }

        void conversations() {
            boolean cbp1 = regime == Regime.CBP1;
            freeShare(assumptions.inFreeEntryPoint(), cbp1 ? "B4" : "C7", "free entry point conversations");
            switch (v.category()) {
                case MARKETING -> listRate(bands(RateCategory.MARKETING), n - free, "C2 a conversation at the list rate");
                case UTILITY -> listRate(bands(RateCategory.UTILITY), n - free, "C2 a conversation at the list rate");
                case AUTHENTICATION -> authentication("C2 a conversation at the list rate", false);
                case SERVICE -> {
                    if (!v.month().atDay(1).isBefore(CBP2_SERVICE_FREE_FROM)) {
                        free = n;
                        basis.add("C6 service conversations free from 2024-11-01");
                        return;
                    }
                    freeShare(assumptions.serviceInFreeTier(), "C5", "among the account's first 1,000 service conversations");
                    listRate(bands(RateCategory.SERVICE), n - free, "C3 C5 a service conversation at the list rate");
                }
                default -> {
                    freeShare(assumptions.conversationsInFreeTier(), "B3", "among the account's first 1,000 conversations");
                    RateCategory type = v.category() == QuoteCategory.USER_INITIATED ? RateCategory.USER_INITIATED
                            : RateCategory.BUSINESS_INITIATED;
                    listRate(bands(type), n - free, "B2 a conversation at the list rate");
                }
            }
        }

        /**
         * Authentication, of which the assumed share goes to international numbers (X1): at the card's
         * authentication-international rate where it has one for the market (X3: the card is the authority), counted
         * with authentication in one family (D6) when {@code tiered}, else each at the list rate (CBP).
         */
        void authentication(String how, boolean tiered) {
            long toCharge = n - free;
            long international = share(n, assumptions.authInternational());
            if (international > toCharge)
                throw new IllegalArgumentException("the assumed shares add up to more than the volume (" + n + ")");
            Bands intl = international == 0 ? null : card.bands(v.market(), RateCategory.AUTHENTICATION_INTERNATIONAL);
            if (international > 0 && intl == null) {
                basis.add("X3: " + percent(assumptions.authInternational()) + " to international numbers (assumed), but card "
                        + card.id() + " has no authentication-international rate for " + v.market()
                        + ", so the authentication rate applies");
                international = 0;
            } else if (international > 0) {
                basis.add((tiered ? "X1" : "C8 X1") + ": " + percent(assumptions.authInternational())
                        + " to international numbers (assumed) at the authentication-international rate"
                        + (tiered ? ", spread evenly through the month's count" : ""));
            }
            Bands domestic = bands(RateCategory.AUTHENTICATION);
            if (!tiered || choice.tiersUnknown()) {
                // CBP conversations, or a list-only card (G2a): every charged one at the first band of its rate.
                listRate(domestic, toCharge - international, "");
                if (international > 0) {
                    listRate(intl, international, "");
                    bands.set(bands.size() - 1, "international " + bands.get(bands.size() - 1));
                }
                basis.add(how);
                if (tiered) basis.add("tiers-unknown");
                return;
            }
            if (international == 0) tiered(domestic, toCharge, "");
            else mixed(domestic, intl, toCharge, international);
            basis.add(how);
        }

        /** {@code count} charged messages at the first band (an untiered rate, or a list-only card, G2a). */
        void listRate(Bands b, long count, String how) {
            charged += count;
            units = Money.add(units, Money.times(count, b.unitsAt(0)));
            if (count > 0) bands.add("list x " + b.band(0).rate().toPlainString() + " = " + count);
            if (!how.isEmpty()) basis.add(how);
        }

        /** D6: charged message n takes the band holding n; a list-only period prices at the first band (G2a). */
        void tiered(Bands b, long count, String label) {
            if (choice.tiersUnknown()) {
                listRate(b, count, "");
                basis.add("tiers-unknown");
                return;
            }
            charged += count;
            long below = 0;
            for (int i = 0; i < b.size() && below < count; i++) {
                Band band = b.band(i);
                long upper = i == b.size() - 1 ? Long.MAX_VALUE : band.to();
                long inBand = Math.min(count, upper) - below;
                if (inBand <= 0) continue;
                units = Money.add(units, Money.times(inBand, b.unitsAt(i)));
                bands.add(label + band.label() + " x " + band.rate().toPlainString() + " = " + inBand);
                below += inBand;
            }
        }

        /**
         * D6 with authentication-international in the family: positions 1..count of the month's count, of which
         * {@code international} are spread evenly (up to position p, round(international × p / count) of them, half
         * up). Each stretch between band limits of either card list is priced at its own band of each.
         */
        void mixed(Bands domestic, Bands intl, long count, long international) {
            charged += count;
            TreeSet<Long> limits = new TreeSet<>();
            for (Bands b : List.of(domestic, intl))
                for (int i = 0; i < b.size() - 1; i++) if (b.band(i).to() < count) limits.add(b.band(i).to());
            limits.add(count);
            long from = 1;
            long[] domesticCount = new long[domestic.size()], intlCount = new long[intl.size()];
            for (long to : limits) {
                long intlHere = spread(international, to, count) - spread(international, from - 1, count);
                domesticCount[domestic.indexOf(from)] += (to - from + 1) - intlHere;
                intlCount[intl.indexOf(from)] += intlHere;
                from = to + 1;
            }
            add(domestic, domesticCount, "");
            add(intl, intlCount, "international ");
        }

        private void add(Bands b, long[] counts, String label) {
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] == 0) continue;
                units = Money.add(units, Money.times(counts[i], b.unitsAt(i)));
                bands.add(label + b.band(i).label() + " x " + b.band(i).rate().toPlainString() + " = " + counts[i]);
            }
        }

        Bands bands(RateCategory category) {
            Bands b = card.bands(v.market(), category);
            if (b == null)
                throw new CatalogException("rate card " + card.id() + " (" + card.source() + ") "
                        + (card.hasMarket(v.market()) ? "has no " + category.code() + " rate for market " + v.market()
                        : "has no rates for market " + v.market()));
            return b;
        }

        QuoteLine line() {
            String why = String.join("; ", basis) + (choice.stale() ? "; stale-card" : "");
            return new QuoteLine(v.month(), v.market(), v.category(), n, free, charged, units, currency, regime, card.id(),
                    String.join("; ", bands), why, regime.isConversationBased() ? QuoteLine.CONVERSATIONS : QuoteLine.MESSAGES);
        }
    }

    /** Of {@code total} items spread evenly over {@code count} positions, how many fall at or before {@code p}. */
    static long spread(long total, long p, long count) {
        if (count == 0) return 0;
        return new BigDecimal(BigInteger.valueOf(total).multiply(BigInteger.valueOf(p)))
                .divide(BigDecimal.valueOf(count), 0, RoundingMode.HALF_UP).longValueExact();
    }

    static long share(long messages, BigDecimal share) {
        return BigDecimal.valueOf(messages).multiply(share).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    static String percent(BigDecimal share) {
        return share.movePointRight(2).stripTrailingZeros().toPlainString() + " %";
    }
}
