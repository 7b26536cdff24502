package io.wabill.sim.api;

import java.util.Set;
import java.util.function.Predicate;

/**
 * The part of a log a {@link PricingSession} prices: the whole log, or some portfolios.
 *
 * <p><b>The partition contract.</b> Portfolios share nothing: volume tiers and free tiers count per portfolio
 * (D6, D7), windows and conversations per (business, customer) pair (G6), CBP conversation ids per account, and an
 * account and its business numbers belong to one portfolio. So a log may be split by portfolio and each part
 * priced apart, by a session per part, on any thread or machine, and the parts merge exactly:
 * <ul>
 *   <li>the ledger is the union of the parts' entries, in the order one session would have written them when each
 *   part's session also saw the other parts' timestamps ({@link PricingSession#advanceTo}) and entries are
 *   ordered by (position of the releasing row, evaluation instant, customer before business, position of the
 *   message's first row); without that, each part's ledger is exact and only the interleaving differs;</li>
 *   <li>sums (summaries, totals, {@link RowAccounting#plus}) add up;</li>
 *   <li>whole-month bands (A3) count per portfolio too: each part runs its own counting pass and gives its
 *   {@link MonthTotals} to its own pricing session.</li>
 * </ul>
 * A row's portfolio is its {@code portfolio} cell, or else its account's ({@code accounts.csv}). A session of a
 * partition refuses a row of another portfolio, and a row whose account or business number it has seen in
 * another portfolio, with a {@link PartitionException}: such a log cannot be priced apart.
 */
public interface Partition {
    /** Whether this partition owns rows of {@code portfolio}. */
    boolean owns(String portfolio);

    /** Whether this is the whole log (no check per row). */
    default boolean isWholeLog() { return false; }

    /** Every portfolio. */
    static Partition wholeLog() { return WholeLog.INSTANCE; }

    /** One portfolio. */
    static Partition portfolio(String portfolio) { return portfolio::equals; }

    /** Some portfolios. */
    static Partition portfolios(Set<String> portfolios) {
        Set<String> copy = Set.copyOf(portfolios);
        return copy::contains;
    }

    /** The portfolios a predicate accepts, e.g. a parallel lane's share of a log. */
    static Partition of(Predicate<String> owns) { return owns::test; }

    /** The whole log. */
    enum WholeLog implements Partition {
        INSTANCE;

        @Override public boolean owns(String portfolio) { return true; }

        @Override public boolean isWholeLog() { return true; }
    }
}
