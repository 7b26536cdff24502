package io.wabill.report;

import io.wabill.sim.engine.LedgerLine;
import io.wabill.sim.events.LogRow;
import io.wabill.sim.events.Message;
import io.wabill.sim.money.Money;
import java.time.Instant;
import java.util.List;

/** The ledger's columns in the order of FORMATS.md section 4, and how each cell is printed. */
public final class LedgerFormat {
    public static final List<String> COLUMNS = List.of("message_id", "timestamp", "charged_at", "account", "business",
            "customer", "market", "direction", "kind", "template", "category", "pricing_model", "pricing_type",
            "billable_category", "conversation_id", "tier", "rate", "amount", "currency", "rate_card", "note");

    /** Amounts print with at least four decimals, as Meta prints rates, and more only when a value needs them. */
    public static final int AMOUNT_SCALE = 4;

    private LedgerFormat() {}

    public static String instant(long millis) {
        return millis == LogRow.NONE ? "" : Instant.ofEpochMilli(millis).toString();
    }

    public static String amount(long units) { return Money.format(units, AMOUNT_SCALE); }

    /** An exact decimal amount printed like {@link #amount(long)}: plain digits, never an exponent. */
    public static String amount(java.math.BigDecimal value) { return Money.format(Money.toUnits(value), AMOUNT_SCALE); }

    public static String conversation(long id) { return id == 0 ? "" : "conv-" + id; }

    public static String category(Message m) { return m.category() == null ? "" : m.category().code(); }
}
