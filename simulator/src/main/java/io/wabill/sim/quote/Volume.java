package io.wabill.sim.quote;

import java.time.YearMonth;

/** Delivered messages of one category to one market in one local month: what a quote is asked to price. */
public record Volume(YearMonth month, String market, QuoteCategory category, long messages) {
    public Volume {
        if (messages < 0) throw new IllegalArgumentException("messages must be >= 0, was " + messages);
    }
}
