package io.wabill.sim.engine;

import io.wabill.sim.account.Account;
import io.wabill.sim.account.AccountBook;
import io.wabill.sim.domain.BillableCategory;
import io.wabill.sim.domain.DeliveryStatus;
import io.wabill.sim.domain.Direction;
import io.wabill.sim.domain.EntryPoint;
import io.wabill.sim.domain.MessageKind;
import io.wabill.sim.domain.PricingModel;
import io.wabill.sim.domain.PricingType;
import io.wabill.sim.domain.Regime;
import io.wabill.sim.domain.TemplateCategory;
import io.wabill.sim.events.LogRow;
import io.wabill.sim.events.Message;
import io.wabill.sim.market.MarketMap;
import io.wabill.sim.market.MarketResolver;
import io.wabill.sim.market.TestMarkets;
import io.wabill.sim.money.Money;
import io.wabill.sim.rates.Band;
import io.wabill.sim.rates.Bands;
import io.wabill.sim.rates.CoveragePeriod;
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
import java.util.function.UnaryOperator;

/**
 * Drives {@link Engine} directly with {@link Message}s for the per-rule tests: a tiny catalog with round
 * rates, a small market map shaped like the bundled one, configurable accounts and options, and a sink that
 * copies every {@link LedgerLine} into an immutable {@link Line}.
 *
 * <p>Messages are priced in the order the test sends them; the test is the executive.
 */
final class EngineHarness {
    static final String BUSINESS = "15550001111";
    static final String OTHER_BUSINESS = "15550002222";
    static final String BRAZIL = "5511987600001";
    static final String BRAZIL_2 = "5511987600002";
    static final String INDIA = "919876500001";
    static final String US = "14155552671";
    static final String CANADA = "14165551234";
    static final String PUERTO_RICO = "17875551234";
    static final String UK = "447911000001";
    static final String HONG_KONG = "85291234567";
    static final String SINGAPORE = "6591234567";

    /** Round rates: marketing 0.05 everywhere; Brazil with small utility, authentication and notification bands. */
    static final String TEST_CARD = String.join("\n",
            "Brazil,marketing,1,,0.0500",
            "Brazil,utility,1,3,0.0100",
            "Brazil,utility,4,5,0.0090",
            "Brazil,utility,6,,0.0080",
            "Brazil,authentication,1,2,0.0080",
            "Brazil,authentication,3,,0.0070",
            "Brazil,authentication_international,1,2,0.0300",
            "Brazil,authentication_international,3,,0.0280",
            "Brazil,service,1,,0.0050",
            "Brazil,user_initiated,1,,0.0060",
            "Brazil,business_initiated,1,,0.0090",
            "Brazil,notification,1,2,0.0070",
            "Brazil,notification,3,,0.0060",
            list("India") + "\nIndia,authentication_international,1,,0.0300",
            list("North America"),
            list("Rest of Latin America"),
            list("United Kingdom"),
            list("Other"),
            list("Singapore"),
            "Hong Kong,marketing,1,,0.0500",
            "Hong Kong,utility,1,2,0.0120",
            "Hong Kong,utility,3,,0.0110",
            "Hong Kong,authentication,1,,0.0080",
            "Hong Kong,service,1,,0.0050",
            "Rest of Asia Pacific,marketing,1,,0.0500",
            "Rest of Asia Pacific,utility,1,2,0.0200",
            "Rest of Asia Pacific,utility,3,,0.0150",
            "Rest of Asia Pacific,authentication,1,,0.0080",
            "Rest of Asia Pacific,service,1,,0.0050");

    private static String list(String market) {
        return String.join("\n",
                market + ",marketing,1,,0.0500",
                market + ",utility,1,,0.0100",
                market + ",authentication,1,,0.0080",
                market + ",service,1,,0.0050",
                market + ",user_initiated,1,,0.0060",
                market + ",business_initiated,1,,0.0090",
                market + ",notification,1,,0.0070");
    }

    /** A card from {@code market,category,tier_from,tier_to,rate} lines. */
    static RateCard card(String currency, String effective, String body) {
        Map<String, EnumMap<RateCategory, List<Band>>> bands = new TreeMap<>();
        for (String line : body.split("\n")) {
            if (line.isBlank()) continue;
            String[] c = line.split(",", -1);
            long to = c[3].isEmpty() ? Long.MAX_VALUE : Long.parseLong(c[3]);
            bands.computeIfAbsent(c[0], k -> new EnumMap<>(RateCategory.class))
                    .computeIfAbsent(RateCategory.parse(c[1]), k -> new ArrayList<>())
                    .add(new Band(Long.parseLong(c[2]), to, new BigDecimal(c[4])));
        }
        Map<String, EnumMap<RateCategory, Bands>> byMarket = new TreeMap<>();
        bands.forEach((market, cats) -> {
            EnumMap<RateCategory, Bands> m = new EnumMap<>(RateCategory.class);
            cats.forEach((cat, list) -> m.put(cat, new Bands(list)));
            byMarket.put(market, m);
        });
        return new RateCard(currency, LocalDate.parse(effective), "test-" + currency + "-" + effective, byMarket);
    }

    static long at(String instant) { return Instant.parse(instant).toEpochMilli(); }

    /** One priced row, copied out of the engine's reused {@link LedgerLine}. */
    record Line(String messageId, long chargedAt, String country, String market, Regime regime, PricingModel model,
                PricingType type, BillableCategory billable, long conversationId, String tier, BigDecimal rate,
                BigDecimal amount, String currency, String rateCard, String note, String localMonth) {
        String amountText() { return amount.stripTrailingZeros().toPlainString(); }

        boolean free() { return amount.signum() == 0; }
    }

    private final List<RateCard> cards = new ArrayList<>();
    private final List<CoveragePeriod> coverage = new ArrayList<>();
    private final List<Account> accounts = new ArrayList<>();
    private Account template = Account.defaults(Account.DEFAULT_ID);
    private PricingOptions options = PricingOptions.defaults();
    private MarketMap markets = TestMarkets.map();
    private Engine engine;
    final List<Line> lines = new ArrayList<>();
    private long sequence;

    EngineHarness() { cards.add(card("USD", "2020-01-01", TEST_CARD)); }

    // ---- configuration, before the first message ----

    EngineHarness zone(String zone) {
        template = new Account(template.id(), ZoneId.of(zone), template.currency(), template.businessCountry(),
                template.authInternationalFrom(), template.authInternationalByMarket(), template.portfolio());
        return configured();
    }

    EngineHarness account(Account a) {
        accounts.add(a);
        return configured();
    }

    EngineHarness options(UnaryOperator<PricingOptions> change) {
        options = change.apply(options);
        return configured();
    }

    EngineHarness cards(RateCard... replacement) {
        cards.clear();
        cards.addAll(List.of(replacement));
        return configured();
    }

    EngineHarness addCard(RateCard c) {
        cards.add(c);
        return configured();
    }

    EngineHarness coverage(CoveragePeriod p) {
        coverage.add(p);
        return configured();
    }

    private EngineHarness configured() {
        if (engine != null) throw new IllegalStateException("configure the harness before the first message");
        return this;
    }

    Engine engine() {
        if (engine == null) {
            engine = new Engine(new RateCatalog(cards, coverage, "test catalog"), new MarketResolver(markets),
                    new AccountBook(template, accounts), options, this::copy);
        }
        return engine;
    }

    private void copy(LedgerLine l) {
        lines.add(new Line(l.message().messageId(), l.chargedAt(), l.country(), l.market(), l.regime(), l.model(),
                l.type(), l.billable(), l.conversationId(), l.band() == null ? "" : l.band().label(), l.rate(),
                Money.toDecimal(l.amountUnits()), l.currency(), l.rateCard(), l.note(), l.localMonthLabel()));
    }

    // ---- messages ----

    /** A user message to the default business number. */
    Line in(String instant, String customer) { return price(inbound(instant, customer)); }

    /** A user message that arrived through an entry point (B4, C7, D5). */
    Line in(String instant, String customer, EntryPoint entry) { return price(inbound(instant, customer).entry(entry)); }

    Line template(String instant, String customer, TemplateCategory category) {
        return price(outbound(instant, customer, MessageKind.TEMPLATE).category(category));
    }

    Line freeForm(String instant, String customer) { return price(outbound(instant, customer, MessageKind.FREE_FORM)); }

    Line reaction(String instant, String customer) { return price(outbound(instant, customer, MessageKind.REACTION)); }

    Line agent(String instant, String customer, long tokens) {
        return price(outbound(instant, customer, MessageKind.AGENT).tokens(tokens));
    }

    static Msg inbound(String instant, String customer) {
        return new Msg(Direction.INBOUND, MessageKind.MESSAGE, instant, customer);
    }

    Msg outbound(String instant, String customer, MessageKind kind) {
        return new Msg(Direction.OUTBOUND, kind, instant, customer).id("m" + (sequence + 1));
    }

    Msg templateMsg(String instant, String customer, TemplateCategory category) {
        return outbound(instant, customer, MessageKind.TEMPLATE).category(category);
    }

    Line price(Msg msg) {
        engine().process(msg.build(++sequence));
        return lines.get(lines.size() - 1);
    }

    /** A message under construction; delivered at its send instant unless told otherwise. */
    static final class Msg {
        private final Direction direction;
        private MessageKind kind;
        private final long sendAt;
        private final String customer;
        private String id;
        private String account = Account.DEFAULT_ID;
        private String portfolio;
        private String business = BUSINESS;
        private TemplateCategory category;
        private EntryPoint entry = EntryPoint.NONE;
        private DeliveryStatus status = DeliveryStatus.DELIVERED;
        private long deliveredAt = LogRow.NONE;
        private long tokens = -1;

        Msg(Direction direction, MessageKind kind, String instant, String customer) {
            this.direction = direction;
            this.kind = kind;
            this.sendAt = at(instant);
            this.customer = customer;
        }

        Msg id(String v) { id = v; return this; }
        Msg kind(MessageKind v) { kind = v; return this; }
        Msg account(String v) { account = v; return this; }
        Msg portfolio(String v) { portfolio = v; return this; }
        Msg business(String v) { business = v; return this; }
        Msg category(TemplateCategory v) { category = v; return this; }
        Msg entry(EntryPoint v) { entry = v; return this; }
        Msg status(DeliveryStatus v) { status = v; return this; }
        Msg deliveredAt(String v) { deliveredAt = at(v); return this; }
        Msg tokens(long v) { tokens = v; return this; }

        Message build(long sequence) {
            long delivered = LogRow.NONE;
            if (direction == Direction.OUTBOUND && status.isDelivered())
                delivered = deliveredAt != LogRow.NONE ? deliveredAt : sendAt;
            return new Message(direction == Direction.INBOUND ? null : id, account, portfolio, business, customer,
                    direction, kind, category, entry, direction == Direction.INBOUND ? null : status, sendAt, delivered,
                    null, tokens, "test.csv", sequence + 1, 1, sequence);
        }
    }
}
