package io.wabill.sim.api;

import io.wabill.sim.engine.LongCounter;

/**
 * Each (account, market, local month)'s final count of charged NBP templates, from a counting pass over a log
 * ({@link SessionOptions#countingPass()}): whole-month bands (A3, {@code nbpBands = WHOLE_MONTH}) price every template
 * of a month at the band its final count reaches, so the count must be known before the month's first template.
 *
 * <p>Opaque and tied to one pass: give them to the pricing session of the same partition of the same log
 * (its keys are the counting session's own numbering of accounts and markets). They do not add across partitions.
 */
public final class MonthTotals {
    private final LongCounter counts;

    MonthTotals(LongCounter counts) { this.counts = counts; }

    LongCounter counts() { return counts; }
}
