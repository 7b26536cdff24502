package io.wabill.report;

import io.wabill.sim.domain.BillableCategory;
import io.wabill.sim.domain.Direction;
import io.wabill.sim.domain.MessageKind;
import io.wabill.sim.domain.PricingModel;
import io.wabill.sim.domain.PricingType;
import io.wabill.sim.domain.TemplateCategory;
import io.wabill.sim.engine.LedgerLine;
import io.wabill.sim.events.LogRow;
import io.wabill.sim.events.Message;
import java.util.IdentityHashMap;
import java.util.function.Function;

/**
 * Formats one ledger line's cells (FORMATS.md section 4) into a {@link CsvLine}, exactly as the cells were
 * printed one string at a time: instants as {@code Instant.toString()}, amounts as {@link LedgerFormat#amount},
 * rates as {@code BigDecimal.toPlainString()}, text through the spreadsheet neutralization of {@link CsvCells}.
 *
 * <p>Most cells of a line repeat from line to line: wabill's own codes are encoded once per enum constant, the
 * text cells that repeat (account, business, market, template, currency, card, note) once per distinct string
 * ({@link EncodedCells}), and rates and tier labels once per catalog object ({@link CustomerMask} keeps the masks it
 * has worked out). The message id and the customer are written directly.
 */
public final class LedgerFormatter {
    private static final int CACHE_LIMIT = 4096;
    private static final byte[][] DIRECTIONS = codes(Direction.values(), Direction::code);
    private static final byte[][] KINDS = codes(MessageKind.values(), MessageKind::code);
    private static final byte[][] CATEGORIES = codes(TemplateCategory.values(), TemplateCategory::code);
    private static final byte[][] MODELS = codes(PricingModel.values(), PricingModel::name);
    private static final byte[][] TYPES = codes(PricingType.values(), PricingType::code);
    private static final byte[][] BILLABLES = codes(BillableCategory.values(), BillableCategory::code);
    private static final byte[] EMPTY = new byte[0];

    private final CustomerMask mask;
    private final EncodedCells accounts = EncodedCells.text();
    private final EncodedCells businesses = EncodedCells.text();
    private final EncodedCells markets = EncodedCells.text();
    private final EncodedCells templates = EncodedCells.text();
    private final EncodedCells notes = EncodedCells.text();
    private final EncodedCells currencies = EncodedCells.raw();
    private final EncodedCells cards = EncodedCells.raw();
    // Rates and bands are the catalog's own objects, so their cells are kept per object; runs of lines share one.
    private final IdentityHashMap<Object, byte[]> priced = new IdentityHashMap<>();
    private Object lastRate, lastBand;
    private byte[] lastRateCell, lastBandCell;

    /** @param mask null to print customers as given */
    public LedgerFormatter(CustomerMask mask) { this.mask = mask; }

    /** Appends the line's 21 cells; the caller ends the row. */
    public void format(LedgerLine l, CsvLine out) {
        Message m = l.message();
        out.text(m.messageId());
        instant(out, m.sendAt());
        instant(out, l.chargedAt());
        accounts.write(m.account(), out);
        businesses.write(m.business(), out);
        out.text(mask == null ? m.customer() : mask.mask(m.customer()));
        markets.write(l.market(), out);
        out.encoded(DIRECTIONS[m.direction().ordinal()]);
        out.encoded(KINDS[m.kind().ordinal()]);
        templates.write(m.template(), out);
        out.encoded(m.category() == null ? EMPTY : CATEGORIES[m.category().ordinal()]);
        out.encoded(MODELS[l.model().ordinal()]);
        out.encoded(TYPES[l.type().ordinal()]);
        out.encoded(BILLABLES[l.billable().ordinal()]);
        out.conversation(l.conversationId());
        if (l.band() == null) out.encoded(EMPTY);
        else out.encoded(bandCell(l.band()));
        if (l.rate() == null) out.encoded(EMPTY);
        else out.encoded(rateCell(l.rate()));
        out.amount(l.amountUnits());
        currencies.write(l.currency(), out);
        cards.write(l.rateCard(), out);
        notes.write(l.note(), out);
    }

    private static void instant(CsvLine out, long millis) {
        if (millis == LogRow.NONE) out.encoded(EMPTY);
        else out.instant(millis);
    }

    private byte[] rateCell(java.math.BigDecimal rate) {
        if (rate == lastRate) return lastRateCell;
        byte[] cell = cached(rate, r -> ((java.math.BigDecimal) r).toPlainString());
        lastRate = rate;
        lastRateCell = cell;
        return cell;
    }

    private byte[] bandCell(io.wabill.sim.rates.Band band) {
        if (band == lastBand) return lastBandCell;
        byte[] cell = cached(band, b -> ((io.wabill.sim.rates.Band) b).label());
        lastBand = band;
        lastBandCell = cell;
        return cell;
    }

    private byte[] cached(Object key, Function<Object, String> text) {
        byte[] cell = priced.get(key);
        if (cell == null) {
            if (priced.size() >= CACHE_LIMIT) priced.clear();
            cell = CsvLine.encodeRaw(text.apply(key));
            priced.put(key, cell);
        }
        return cell;
    }

    private static <E> byte[][] codes(E[] values, Function<E, String> code) {
        byte[][] cells = new byte[values.length][];
        for (int i = 0; i < values.length; i++) cells[i] = CsvLine.encodeCode(code.apply(values[i]));
        return cells;
    }
}
