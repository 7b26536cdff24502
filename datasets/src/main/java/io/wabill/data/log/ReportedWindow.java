package io.wabill.data.log;

import io.wabill.sim.events.LogRow;
import java.util.Locale;

/**
 * The free entry point window end that an imported webhook reported (the {@code meta_*} columns written by
 * {@code wabill import webhooks}). Under PMP only a free entry point's conversation object carries a real window
 * end (W2); when present it overrides the configured window length (D5).
 */
final class ReportedWindow {
    private ReportedWindow() {}

    /** Whether Meta said the message was in a free entry point ({@code origin.type} or {@code pricing.type}). */
    static boolean isFreeEntryPoint(String origin, String pricingType) {
        return free(origin) || free(pricingType);
    }

    private static boolean free(String v) {
        String s = v.startsWith("'") ? v.substring(1) : v; // a neutralized cell read back
        s = s.toLowerCase(Locale.ROOT);
        return s.equals("free_entry_point") || s.equals("referral_conversion");
    }

    /** The reported end, or {@link LogRow#NONE} when the cell is empty. */
    static long expiry(String text) {
        return text.isEmpty() ? LogRow.NONE : Timestamps.parse(text);
    }
}
