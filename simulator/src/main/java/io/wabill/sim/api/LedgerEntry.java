package io.wabill.sim.api;

import io.wabill.sim.domain.BillableCategory;
import io.wabill.sim.domain.PricingModel;
import io.wabill.sim.domain.PricingType;
import io.wabill.sim.domain.Regime;
import io.wabill.sim.engine.LedgerLine;
import io.wabill.sim.events.LogRow;
import io.wabill.sim.events.Message;
import io.wabill.sim.money.Money;
import io.wabill.sim.rates.Band;
import java.math.BigDecimal;

/**
 * One priced message, the ledger's row (FORMATS.md section 4), immutable: a caller may keep it, hand it to another
 * thread or collect a list of them. {@link PricingSession} makes one per message for a {@link LedgerEntrySink}.
 *
 * @param message      the priced message: an inbound row, or an outbound message with its status rows merged (G10)
 * @param chargedAt    the charge instant in epoch ms, or {@link LogRow#NONE} for inbound and undelivered rows
 * @param country      the customer's country (ISO 3166 alpha-2), or null when the number has none
 * @param market       the rate card market of the country on the account's local day (G5)
 * @param conversationId the CBP conversation's number within its account ({@code conv-N} in the ledger), 0 when none:
 *                     (account, conversationId) names one conversation
 * @param windowEnd    the exclusive end of the CBP conversation or free entry point window the row opened or joined,
 *                     or {@link LogRow#NONE}
 * @param band         the volume band when the category is tiered, else null
 * @param rate         the rate applied, or null for free rows
 * @param amountUnits  the amount in 10^-8 units of {@code currency} (see {@link #amount()})
 * @param rateCard     {@code CUR@YYYY-MM-DD} of the card used, or null when no card was needed
 * @param note         rule ids that decided the row, and error codes or catalog remarks
 * @param localMonth   the account-local month of the evaluation instant, {@code year * 12 + month - 1}
 */
public record LedgerEntry(Message message, long chargedAt, String country, String market, Regime regime,
                          PricingModel model, PricingType type, BillableCategory billable, long conversationId,
                          long windowEnd, Band band, BigDecimal rate, long amountUnits, String currency,
                          String rateCard, String note, int localMonth) {

    /** A copy of the engine's reused line, for keeping. */
    public static LedgerEntry of(LedgerLine l) {
        return new LedgerEntry(l.message(), l.chargedAt(), l.country(), l.market(), l.regime(), l.model(), l.type(),
                l.billable(), l.conversationId(), l.windowEnd(), l.band(), l.rate(), l.amountUnits(), l.currency(),
                l.rateCard(), l.note(), l.localMonth());
    }

    /** The amount as an exact decimal in {@link #currency()} (scale 8); money is never a double. */
    public BigDecimal amount() { return Money.toDecimal(amountUnits); }

    /** The message's account. */
    public String account() { return message.account(); }

    /** The {@code YYYY-MM} label of {@link #localMonth()}. */
    public String localMonthLabel() { return LedgerLine.monthLabel(localMonth); }
}
