package io.wabill.report;

import io.wabill.sim.account.Account;
import io.wabill.sim.account.AccountBook;
import io.wabill.sim.domain.DeliveryStatus;
import io.wabill.sim.domain.Direction;
import io.wabill.sim.domain.EntryPoint;
import io.wabill.sim.domain.MessageKind;
import io.wabill.sim.domain.TemplateCategory;
import io.wabill.sim.engine.Engine;
import io.wabill.sim.engine.LedgerSink;
import io.wabill.sim.engine.PricingOptions;
import io.wabill.sim.events.Message;
import io.wabill.sim.market.MarketAssignment;
import io.wabill.sim.market.MarketMap;
import io.wabill.sim.market.MarketResolver;
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
import java.util.TreeMap;

/**
 * A small priced run for the report tests: two test cards (USD September and October 2026, the second with
 * utility bands of 3 messages), two markets, an account in Sao Paulo, messages across the PMP to PMP-26 switch,
 * priced by the real engine into whatever sinks a test gives.
 */
public final class Fixture {
    public static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");
    public static final String BRAZIL = "5511987600001", INDIA = "919876500001";

    public final RateCatalog catalog = new RateCatalog(List.of(card(LocalDate.of(2026, 9, 1), false),
            card(LocalDate.of(2026, 10, 1), true)), List.of(), "test cards");
    public final AccountBook accounts;
    private final List<Message> messages = new ArrayList<>();
    private long sequence;

    public Fixture(String accountId) { this(accountId, "portfolio-1"); }

    public Fixture(String accountId, String portfolio) {
        Account a = new Account(accountId, SAO_PAULO, "USD", "BR", null, Map.of(), portfolio);
        this.accounts = new AccountBook(Account.defaults(Account.DEFAULT_ID), List.of(a));
    }

    static RateCard card(LocalDate effective, boolean tiered) {
        Map<String, EnumMap<RateCategory, Bands>> m = new TreeMap<>();
        for (String market : List.of("Brazil", "India")) {
            EnumMap<RateCategory, Bands> rates = new EnumMap<>(RateCategory.class);
            rates.put(RateCategory.MARKETING, list("0.0625"));
            rates.put(RateCategory.UTILITY, tiered
                    ? new Bands(List.of(new Band(1, 3, new BigDecimal("0.0080")), new Band(4, Long.MAX_VALUE, new BigDecimal("0.0070"))))
                    : list("0.0080"));
            rates.put(RateCategory.AUTHENTICATION, list("0.0068"));
            rates.put(RateCategory.SERVICE, list("0.0080"));
            m.put(market, rates);
        }
        return new RateCard("USD", effective, "test card " + effective, m);
    }

    private static Bands list(String rate) { return new Bands(List.of(new Band(1, Long.MAX_VALUE, new BigDecimal(rate)))); }

    public static MarketMap markets() {
        return new MarketMap(List.of(new MarketAssignment("Brazil", "Brazil", "BR", "55", null, null),
                new MarketAssignment("India", "India", "IN", "91", null, null)));
    }

    /** A delivered outbound message at a UTC instant. */
    public Fixture template(String account, String at, String customer, TemplateCategory category, String template) {
        return add(account, at, customer, Direction.OUTBOUND, MessageKind.TEMPLATE, category, template);
    }

    public Fixture inbound(String account, String at, String customer) {
        return add(account, at, customer, Direction.INBOUND, MessageKind.MESSAGE, null, null);
    }

    public Fixture freeForm(String account, String at, String customer) {
        return add(account, at, customer, Direction.OUTBOUND, MessageKind.FREE_FORM, null, null);
    }

    private Fixture add(String account, String at, String customer, Direction d, MessageKind kind, TemplateCategory c,
                        String template) {
        long t = Instant.parse(at).toEpochMilli();
        boolean out = d == Direction.OUTBOUND;
        messages.add(new Message(out ? "wamid." + (sequence + 1) : "", account, "", "5511940000001", customer, d, kind, c,
                EntryPoint.NONE, out ? DeliveryStatus.DELIVERED : null, t, out ? t : io.wabill.sim.events.LogRow.NONE,
                template, -1, "log.csv", sequence + 2, 1, sequence++));
        return this;
    }

    /** Prices every message, in order, into the sinks. */
    public void run(LedgerSink... sinks) {
        Engine engine = new Engine(catalog, new MarketResolver(markets()), accounts, PricingOptions.defaults(), line -> {
            for (LedgerSink s : sinks) s.accept(line);
        });
        for (Message m : messages) engine.process(m);
    }

    /**
     * The standard scenario: September (PMP, list card) and October (PMP-26, tiered card) traffic to Brazil and
     * India: utility templates past the third-message band edge, marketing, authentication and service replies.
     */
    public static Fixture standard(String account) { return standard(account, "portfolio-1"); }

    public static Fixture standard(String account, String portfolio) {
        Fixture f = new Fixture(account, portfolio);
        f.template(account, "2026-09-29T15:00:00Z", BRAZIL, TemplateCategory.MARKETING, "offer");
        f.template(account, "2026-09-30T15:00:00Z", BRAZIL, TemplateCategory.UTILITY, "shipping");
        f.template(account, "2026-10-01T15:00:00Z", BRAZIL, TemplateCategory.UTILITY, "shipping");
        f.template(account, "2026-10-01T16:00:00Z", BRAZIL, TemplateCategory.UTILITY, "shipping");
        f.template(account, "2026-10-02T15:00:00Z", BRAZIL, TemplateCategory.UTILITY, "shipping");
        f.template(account, "2026-10-03T15:00:00Z", BRAZIL, TemplateCategory.UTILITY, "shipping");
        f.template(account, "2026-10-03T15:10:00Z", BRAZIL, TemplateCategory.MARKETING, "offer");
        f.template(account, "2026-10-03T16:00:00Z", INDIA, TemplateCategory.AUTHENTICATION, "otp");
        f.inbound(account, "2026-10-04T12:00:00Z", INDIA);
        f.freeForm(account, "2026-10-04T12:05:00Z", INDIA);
        f.template(account, "2026-10-04T12:06:00Z", INDIA, TemplateCategory.UTILITY, "receipt");
        return f;
    }
}
