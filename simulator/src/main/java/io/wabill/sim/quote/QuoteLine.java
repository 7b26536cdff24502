package io.wabill.sim.quote;

import io.wabill.sim.domain.Regime;
import java.time.YearMonth;

/**
 * The price of one volume: how many messages (conversations under CBP: {@code unit}) are free and why, how many are
 * charged, the exact amount (10^-8 units of the currency), and the bands used ({@code from:to x rate = count}).
 */
public record QuoteLine(YearMonth month, String market, QuoteCategory category, long messages, long free, long charged,
                        long units, String currency, Regime regime, String rateCard, String bands, String basis,
                        String unit) {
    /** What a volume counts: {@code messages} under per-message pricing, {@code conversations} under CBP. */
    public static final String MESSAGES = "messages", CONVERSATIONS = "conversations";
}
