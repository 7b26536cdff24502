package io.wabill.sim.engine;

import io.wabill.sim.domain.BillableCategory;
import io.wabill.sim.domain.PricingModel;
import io.wabill.sim.domain.PricingType;
import io.wabill.sim.domain.Regime;
import io.wabill.sim.events.LogRow;
import io.wabill.sim.events.Message;
import io.wabill.sim.rates.Band;
import java.math.BigDecimal;

/**
 * The outcome of one message (FORMATS.md section 4). The engine reuses one instance per event and hands
 * it to a {@link LedgerSink}, which must copy what it keeps before returning.
 */
public final class LedgerLine {
    Message message;
    long chargedAt = LogRow.NONE;
    String country;
    String market;
    Regime regime;
    PricingModel model;
    PricingType type;
    BillableCategory billable = BillableCategory.NONE;
    long conversationId;
    long windowEnd = LogRow.NONE;
    Band band;
    BigDecimal rate;
    long amountUnits;
    String currency;
    String rateCard;
    String note = "";
    int localMonth;

    void reset(Message m) {
        message = m;
        chargedAt = LogRow.NONE;
        country = null;
        market = null;
        regime = null;
        model = null;
        type = null;
        billable = BillableCategory.NONE;
        conversationId = 0;
        windowEnd = LogRow.NONE;
        band = null;
        rate = null;
        amountUnits = 0;
        currency = null;
        rateCard = null;
        note = "";
        localMonth = 0;
    }

    public Message message() { return message; }

    /** The charge instant, or {@link LogRow#NONE} for inbound and undelivered rows. */
    public long chargedAt() { return chargedAt; }

    public String country() { return country; }

    public String market() { return market; }

    public Regime regime() { return regime; }

    public PricingModel model() { return model; }

    public PricingType type() { return type; }

    public BillableCategory billable() { return billable; }

    /** The CBP conversation's number, 0 when none. */
    public long conversationId() { return conversationId; }

    /**
     * The exclusive end of the CBP conversation (B5) or free entry point window (B4, C7, D5) the row opened or
     * joined, as Meta's {@code expiration_timestamp} reports it; {@link LogRow#NONE} when the row has none.
     */
    public long windowEnd() { return windowEnd; }

    /** The volume band used when the category is tiered, else null. */
    public Band band() { return band; }

    /** The rate applied, or null for free rows. */
    public BigDecimal rate() { return rate; }

    /** The amount in 10^-8 units of {@link #currency()}. */
    public long amountUnits() { return amountUnits; }

    public String currency() { return currency; }

    /** {@code CUR@YYYY-MM-DD} of the card used, or null when no card was needed. */
    public String rateCard() { return rateCard; }

    /** Rule ids that decided the row, and error codes or catalog remarks. */
    public String note() { return note; }

    /** The account-local month of the row's evaluation instant, as {@code year * 12 + month - 1}. */
    public int localMonth() { return localMonth; }

    public String localMonthLabel() { return LocalCalendar.monthLabel(localMonth); }

    /** The {@code YYYY-MM} label of a month index as {@link #localMonth()} gives it. */
    public static String monthLabel(int monthIndex) { return LocalCalendar.monthLabel(monthIndex); }

    /**
     * Makes this line a copy of {@code other}: a sink that hands lines to another thread (the lanes of a parallel
     * run) copies each into a line of its own, since the engine reuses its instance.
     */
    public void copyFrom(LedgerLine other) {
        message = other.message;
        chargedAt = other.chargedAt;
        country = other.country;
        market = other.market;
        regime = other.regime;
        model = other.model;
        type = other.type;
        billable = other.billable;
        conversationId = other.conversationId;
        windowEnd = other.windowEnd;
        band = other.band;
        rate = other.rate;
        amountUnits = other.amountUnits;
        currency = other.currency;
        rateCard = other.rateCard;
        note = other.note;
        localMonth = other.localMonth;
    }
}
