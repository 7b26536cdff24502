package io.wabill.report;

import io.wabill.sim.engine.LedgerLine;
import io.wabill.sim.events.LogRow;
import io.wabill.sim.events.Message;
import io.wabill.sim.rates.Band;
import java.math.BigDecimal;
import java.util.IdentityHashMap;

/**
 * Formats one ledger line's cells (FORMATS.md section 4) into a {@link CsvLine}, exactly as the cells were
 * printed one string at a time: instants as {@code Instant.toString()}, amounts as {@link LedgerFormat#amount},
 * rates as {@code BigDecimal.toPlainString()}, text through the spreadsheet neutralization of {@link CsvCells}.
 */
public final class LedgerFormatter {
    private static final int CACHE_LIMIT = 4096;
    private final CustomerMask mask;
    // Rates and bands are the catalog's own objects, so their strings are kept per object.
    private final IdentityHashMap<BigDecimal, String> rates = new IdentityHashMap<>();
    private final IdentityHashMap<Band, String> labels = new IdentityHashMap<>();

    /** @param mask null to print customers as given */
    public LedgerFormatter(CustomerMask mask) { this.mask = mask; }

    /** Appends the line's 21 cells; the caller ends the row. */
    public void format(LedgerLine l, CsvLine out) {
        formatUpToConversation(l, out);
        out.conversation(l.conversationId());
        formatAfterConversation(l, out);
    }

    /** The cells before {@code conversation_id}. */
    public void formatUpToConversation(LedgerLine l, CsvLine out) {
        Message m = l.message();
        out.text(m.messageId());
        instant(out, m.sendAt());
        instant(out, l.chargedAt());
        out.text(m.account());
        out.text(m.business());
        out.text(mask == null ? m.customer() : mask.mask(m.customer()));
        out.text(l.market());
        out.code(m.direction().code());
        out.code(m.kind().code());
        out.text(m.template());
        out.code(m.category() == null ? "" : m.category().code());
        out.code(l.model().name());
        out.code(l.type().code());
        out.code(l.billable().code());
    }

    /** The cells after {@code conversation_id}. */
    public void formatAfterConversation(LedgerLine l, CsvLine out) {
        out.raw(l.band() == null ? "" : label(l.band()));
        out.raw(l.rate() == null ? "" : rate(l.rate()));
        out.amount(l.amountUnits());
        out.raw(l.currency());
        out.raw(l.rateCard());
        out.text(l.note());
    }

    private static void instant(CsvLine out, long millis) {
        if (millis == LogRow.NONE) out.raw("");
        else out.instant(millis);
    }

    private String rate(BigDecimal rate) {
        String s = rates.get(rate);
        if (s == null) {
            if (rates.size() >= CACHE_LIMIT) rates.clear();
            s = rate.toPlainString();
            rates.put(rate, s);
        }
        return s;
    }

    private String label(Band band) {
        String s = labels.get(band);
        if (s == null) {
            if (labels.size() >= CACHE_LIMIT) labels.clear();
            s = band.label();
            labels.put(band, s);
        }
        return s;
    }
}
