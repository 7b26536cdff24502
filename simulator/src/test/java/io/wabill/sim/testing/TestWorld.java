package io.wabill.sim.testing;

import io.wabill.sim.account.Account;
import io.wabill.sim.account.AccountBook;
import io.wabill.sim.domain.DeliveryStatus;
import io.wabill.sim.domain.Direction;
import io.wabill.sim.domain.EntryPoint;
import io.wabill.sim.domain.MessageKind;
import io.wabill.sim.domain.TemplateCategory;
import io.wabill.sim.engine.Engine;
import io.wabill.sim.engine.LedgerLine;
import io.wabill.sim.engine.PricingOptions;
import io.wabill.sim.events.LogRow;
import io.wabill.sim.events.Message;
import io.wabill.sim.market.MarketAssignment;
import io.wabill.sim.market.MarketMap;
import io.wabill.sim.market.MarketResolver;
import io.wabill.sim.money.Money;
import io.wabill.sim.rates.Band;
import io.wabill.sim.rates.Bands;
import io.wabill.sim.rates.RateCard;
import io.wabill.sim.rates.RateCatalog;
import io.wabill.sim.rates.RateCategory;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A small world for engine tests: Brazil, India and North America (US marketing blocked from 2025-04-01, G8) at round USD rates (marketing 0.05, utility 0.01,
 * authentication 0.008, service 0.005), one UTC account, and a sink that keeps each line's outcome.
 */
public final class TestWorld {
    public static final String BUSINESS = "15550001111";
    public static final String BR = "5511987600001";

    public final List<Outcome> lines = new ArrayList<>();
    private long sequence;

    /** What the ledger said about one message. */
    public record Outcome(String messageId, String type, String billable, long units, String note, long chargedAt) {
        public BigDecimal amount() { return Money.toDecimal(units).stripTrailingZeros(); }
    }

    public static RateCatalog catalog() {
        EnumMap<RateCategory, Bands> rates = new EnumMap<>(RateCategory.class);
        rates.put(RateCategory.MARKETING, list("0.05"));
        rates.put(RateCategory.UTILITY, list("0.01"));
        rates.put(RateCategory.AUTHENTICATION, list("0.008"));
        rates.put(RateCategory.SERVICE, list("0.005"));
        rates.put(RateCategory.USER_INITIATED, list("0.006"));
        rates.put(RateCategory.BUSINESS_INITIATED, list("0.009"));
        rates.put(RateCategory.NOTIFICATION, list("0.007"));
        RateCard card = new RateCard("USD", LocalDate.of(2020, 1, 1), "test card", Map.of("Brazil", rates, "India", rates, "North America", rates));
        return new RateCatalog(List.of(card), List.of(), "the test catalog");
    }

    static Bands list(String rate) { return new Bands(List.of(new Band(1, Long.MAX_VALUE, new BigDecimal(rate)))); }

    public static MarketResolver markets() {
        return new MarketResolver(new MarketMap(List.of(
                new MarketAssignment("Brazil", "Brazil", "BR", "55", null, null),
                new MarketAssignment("India", "India", "IN", "91", null, null),
                new MarketAssignment("North America", "United States", "US", "1", null, null))));
    }

    public Engine engine(PricingOptions options) {
        AccountBook book = new AccountBook(new Account("default", ZoneId.of("UTC"), "USD", null, null, Map.of(), "default"), List.of());
        return new Engine(catalog(), markets(), book, options, this::keep);
    }

    private void keep(LedgerLine l) {
        lines.add(new Outcome(l.message().messageId(), l.type().code(), l.billable().code(), l.amountUnits(), l.note(), l.chargedAt()));
    }

    public Outcome outcome(String messageId) {
        for (Outcome o : lines) if (messageId.equals(o.messageId())) return o;
        throw new AssertionError("no ledger line for " + messageId + " in " + lines);
    }

    public BigDecimal total() {
        long units = 0;
        for (Outcome o : lines) units += o.units;
        return Money.toDecimal(units).stripTrailingZeros();
    }

    public static long at(String iso) { return Instant.parse(iso).toEpochMilli(); }

    public Message inbound(String iso, String customer) {
        return new Message(null, "default", null, BUSINESS, customer, Direction.INBOUND, MessageKind.MESSAGE, null,
                EntryPoint.NONE, null, at(iso), LogRow.NONE, null, -1, "test", sequence, 1, sequence++);
    }

    /** A customer message arriving from a click-to-WhatsApp ad: a free entry point (B4, C7, D5). */
    public Message inboundFromAd(String iso, String customer) {
        return new Message(null, "default", null, BUSINESS, customer, Direction.INBOUND, MessageKind.MESSAGE, null,
                EntryPoint.CTWA, null, at(iso), LogRow.NONE, null, -1, "test", sequence, 1, sequence++);
    }

    public Message template(String id, String iso, String customer, TemplateCategory category) {
        return outbound(id, iso, customer, MessageKind.TEMPLATE, category);
    }

    public Message freeForm(String id, String iso, String customer) {
        return outbound(id, iso, customer, MessageKind.FREE_FORM, null);
    }

    public Message outbound(String id, String iso, String customer, MessageKind kind, TemplateCategory category) {
        long t = at(iso);
        return new Message(id, "default", null, BUSINESS, customer, Direction.OUTBOUND, kind, category, EntryPoint.NONE,
                DeliveryStatus.DELIVERED, t, t, null, -1, "test", sequence, 1, sequence++);
    }
}
