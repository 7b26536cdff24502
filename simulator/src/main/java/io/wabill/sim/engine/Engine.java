package io.wabill.sim.engine;

import io.wabill.sim.account.Account;
import io.wabill.sim.account.AccountBook;
import io.wabill.sim.domain.BillableCategory;
import io.wabill.sim.domain.MessageKind;
import io.wabill.sim.domain.PricingType;
import io.wabill.sim.domain.Regime;
import io.wabill.sim.events.LogRow;
import io.wabill.sim.events.Message;
import io.wabill.sim.market.CountryResolver;
import io.wabill.sim.market.MarketResolver;
import io.wabill.sim.rates.Band;
import io.wabill.sim.rates.Bands;
import io.wabill.sim.rates.CardChoice;
import io.wabill.sim.rates.CatalogException;
import io.wabill.sim.rates.CoverageStatus;
import io.wabill.sim.rates.CoveragePeriod;
import io.wabill.sim.rates.RateCard;
import io.wabill.sim.rates.RateCatalog;
import io.wabill.sim.rates.RateCategory;
import io.wabill.sim.money.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Prices messages one by one, in the order of {@link io.wabill.sim.events.EventOrder}, against the window
 * state of their pair, the counters of their account and portfolio, the regime in force (G1) and the card
 * in force (G2). One engine per thread: it owns its state.
 *
 * <p>Each event is decided before it changes anything: a message that cannot be priced (no card, no rate)
 * throws a {@link PricingException} and leaves the state as it was, so the caller may skip it.
 */
public final class Engine {
    static final LocalDate US_BLOCK_FROM = LocalDate.of(2025, 4, 1);
    static final LocalDate AGENT_TOKENS_FROM = LocalDate.of(2026, 8, 1);
    static final long THIRTY_DAYS = 30L * PairState.DAY;

    final RateCatalog catalog;
    final MarketResolver markets;
    final AccountBook accounts;
    final PricingOptions options;
    private final LedgerSink sink;
    private final RateCard pinned;

    private final Map<String, AccountRuntime> runtimes = new HashMap<>();
    private final Map<String, Integer> businessIndex = new HashMap<>();
    private final Map<String, Integer> portfolioIndex = new HashMap<>();
    private final Map<String, Integer> marketIndex = new HashMap<>();
    private final Map<String, Long> scopedIds = new HashMap<>();
    private final PairTable pairs = new PairTable();
    /** Cursors on the pair table: the pair being priced, the strategies' view, and a pair only looked at. */
    private final PairState pairCursor = new PairState(pairs), viewCursor = new PairState(pairs),
            probeCursor = new PairState(pairs);
    final LongCounter counters = new LongCounter();
    private LongCounter nbpMonthTotals;
    private long clock = Long.MIN_VALUE;

    private final NbpPricing nbp = new NbpPricing(this);
    private final Cbp1Pricing cbp1 = new Cbp1Pricing(this);
    private final Cbp2Pricing cbp2 = new Cbp2Pricing(this);
    private final PerMessagePricing pmp = new PerMessagePricing(this, false);
    private final PerMessagePricing pmp26 = new PerMessagePricing(this, true);

    // The event being priced; set by process(), read by the engine's services and, through PricedEvent, by the
    // regime pricers.
    final LedgerLine line = new LedgerLine();
    Message m;
    AccountRuntime acct;
    PairState pair;
    long t;
    int marketId;

    public Engine(RateCatalog catalog, MarketResolver markets, AccountBook accounts, PricingOptions options,
                  LedgerSink sink) {
        this.catalog = catalog;
        this.markets = markets;
        this.accounts = accounts;
        this.options = options;
        this.sink = sink;
        this.pinned = options.pinnedCard() == null ? null : catalog.named(options.pinnedCard());
    }

    /**
     * Supplies each (account, market, local month)'s final count of charged NBP templates, for the
     * whole-month band mode (A3); computed by a first pass of the same log.
     */
    public void useNbpMonthTotals(LongCounter totals) { this.nbpMonthTotals = totals; }

    /** The instant a message is evaluated at: its send instant under NBP (G3, A4), else its charge instant. */
    public long evaluationInstant(Message msg) {
        if (msg.isInbound()) return msg.sendAt();
        Regime forced = options.forcedRegime();
        if (forced != null) return forced == Regime.NBP ? msg.sendAt() : msg.chargeInstant();
        AccountRuntime a = runtime(msg.account());
        a.calendar.at(msg.sendAt());
        return a.calendar.regime() == Regime.NBP ? msg.sendAt() : msg.chargeInstant();
    }

    /** Prices one message and hands its ledger line to the sink. */
    public void process(Message msg) { process(msg, null); }

    /** Prices one message; {@code extraNote} (a strategy's doing) is appended to the ledger's note. */
    public void process(Message msg, String extraNote) { process(msg, extraNote, null); }

    /**
     * Prices one message; {@code extraNote} is appended to the ledger's note, and {@code refusedNote} too when the
     * platform refuses the message (G7, G8), so the ledger says a strategy's message was lost.
     */
    public void process(Message msg, String extraNote, String refusedNote) {
        long instant = evaluationInstant(msg);
        m = msg;
        t = instant;
        if (instant > clock) clock = instant;
        acct = runtime(msg.account());
        acct.calendar.at(instant);
        line.reset(msg);
        line.localMonth = acct.calendar.monthIndex();
        line.currency = acct.account.currency();
        line.regime = options.forcedRegime() != null ? options.forcedRegime() : acct.calendar.regime();
        line.model = line.regime.model();
        String customer = msg.customer();
        long number = numberKey(customer);
        pair = pairs.get(businessKey(msg.business()), customerKey(customer, number), sweepClock(), pairCursor);
        int country = country(pair, customer, number);
        line.country = markets.countryName(country);
        marketOfCountry(country);
        if (msg.isInbound()) {
            receive();
        } else {
            send();
        }
        if (extraNote != null) line.note = line.note.isEmpty() ? extraNote : joined(line.note, extraNote);
        if (refusedNote != null && line.type == PricingType.REJECTED) line.note = line.note + "; " + refusedNote;
        sink.accept(line);
    }

    private final Map<String, String> judgedAtSend = new HashMap<>();

    /**
     * Judges, at its send instant and in order with every other event, what the platform does with a message not
     * yet known to be delivered (G7, G8); a refusal is kept until the message is priced. Changes no window.
     */
    public void judgeAtSend(Message msg) {
        if (msg.messageId() == null) return;
        AccountRuntime a = runtime(msg.account());
        a.calendar.at(msg.sendAt());
        LocalDate day = a.calendar.day();
        String verdict = null;
        // The country only for a marketing template (G8), the only one it can refuse: a lookup in a large table.
        if (msg.kind() == MessageKind.TEMPLATE && msg.category().isMarketing() && blockedCustomer(msg, day)) {
            verdict = "G8 error 131049";
        } else if (msg.kind().isNonTemplate()
                && !pairs.get(businessKey(msg.business()), customerKey(msg.customer()), sweepClock(), probeCursor).cswOpen(msg.sendAt())) {
            verdict = "G7 error 131047";
        }
        if (verdict != null) judgedAtSend.put(msg.messageId(), verdict);
    }

    private final Map<String, String> undeliveredWhy = new HashMap<>();

    /** Why a message is released undelivered without a delivery status (G10): said in its ledger note. */
    public void explainUndelivered(Message msg, String why) {
        if (msg.messageId() != null) undeliveredWhy.put(msg.messageId(), why);
    }

    /**
     * G4: the country of the pair's customer as an index; it depends on the customer's digits only, so the pair keeps
     * it (a look-up in the pair's slot, which the message reads anyway, instead of one in the resolver's large table).
     */
    private int country(PairState p, String customer, long number) {
        int digits = number >= 0 ? (int) (number & 0xF) : 0;
        int country = p.country(digits);
        if (country < 0) {
            country = markets.countryIndex(customer, number);
            p.country(digits, country);
        }
        return country;
    }

    /** G8 for a marketing template to this customer on this day, the country taken from the pair (see {@link #country}). */
    private boolean blockedCustomer(Message msg, LocalDate day) {
        if (options.usBlock() == UsBlockScope.OFF || day.isBefore(US_BLOCK_FROM)) return false; // no country needed
        String customer = msg.customer();
        long number = numberKey(customer);
        // G8 blocks +1 numbers that resolve to the United States (or Canada): a number with another calling code never
        // is, and needs no country (a marketing template's pair is often new, its country not yet known).
        if (number >= 0 && firstDigit(number) != 1) return false;
        PairState p = pairs.get(businessKey(msg.business()), customerKey(customer, number), sweepClock(), probeCursor);
        return blocked(markets.countryName(country(p, customer, number)), day);
    }

    private static final long[] POWERS_OF_TEN = new long[16];
    static {
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i < POWERS_OF_TEN.length; i++) POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
    }

    /** The first digit of a {@link CountryResolver#numberKey} as written (0 for a number written with a leading 0). */
    static int firstDigit(long numberKey) {
        int digits = (int) (numberKey & 0xF);
        return (int) ((numberKey >>> 4) / POWERS_OF_TEN[digits - 1]);
    }

    // G5: a country's market on the account's local day, kept per country with the span of days the map gives it
    // (the market is decided per message by the map in force: a day outside the span asks the map again).
    private int[] marketOfCountryIndex = new int[64];
    private long[] marketFrom = new long[64], marketTo = new long[64];
    private final long[] span = new long[2];
    private final java.util.List<String> marketNames = new java.util.ArrayList<>();

    private void marketOfCountry(int country) {
        long day = acct.calendar.epochDay();
        if (country >= marketOfCountryIndex.length) {
            int n = Math.max(country + 1, marketOfCountryIndex.length * 2);
            marketOfCountryIndex = java.util.Arrays.copyOf(marketOfCountryIndex, n);
            marketFrom = java.util.Arrays.copyOf(marketFrom, n);
            marketTo = java.util.Arrays.copyOf(marketTo, n);
        }
        int id = marketOfCountryIndex[country];
        if (id == 0 || day < marketFrom[country] || day > marketTo[country]) {
            String market = markets.marketOf(line.country, acct.calendar.day(), span);
            id = intern(marketIndex, market);
            while (marketNames.size() < id) marketNames.add(null);
            marketNames.set(id - 1, market);
            marketOfCountryIndex[country] = id;
            marketFrom[country] = span[0];
            marketTo[country] = span[1];
        }
        marketId = id;
        line.market = marketNames.get(id - 1);
    }

    /**
     * The clock pairs are forgotten by: a message of another portfolio may come up to the assembler's order hold
     * behind the latest one priced (MessageAssembler.holdPerKey), and must still find its pair.
     */
    private long sweepClock() {
        return clock == Long.MIN_VALUE || keepEveryPair ? Long.MIN_VALUE : clock - io.wabill.sim.events.MessageAssembler.ORDER_HOLD;
    }

    private boolean keepEveryPair;

    /** A log held whole: messages of one portfolio may come any time behind another's, so no pair is forgotten. */
    public void keepEveryPair() { keepEveryPair = true; }

    /** A read-only view of a pair's windows now, for strategies; valid until the next call. */
    public io.wabill.sim.strategy.WindowView window(String business, String customer) {
        view.state = pairs.peek(businessKey(business), customerKey(customer), viewCursor);
        view.regime = null;
        return view;
    }

    /**
     * A read-only view of the windows of a business message's pair, which also knows the regime of the message's
     * account, so a strategy can tell whether waiting can save money (D3, A2, B1/C2, D5); valid until the next call.
     */
    public io.wabill.sim.strategy.WindowView window(Message msg) {
        view.state = pairs.peek(businessKey(msg.business()), customerKey(msg.customer()), viewCursor);
        view.regime = options.forcedRegime();
        view.account = runtime(msg.account());
        return view;
    }

    /** The regime in force for an account at an instant: the forced one, else the timeline's on the local day (G1). */
    Regime regimeAt(AccountRuntime a, long instant) {
        if (options.forcedRegime() != null) return options.forcedRegime();
        a.calendar.at(instant);
        return a.calendar.regime();
    }

    /**
     * Whether the engine would price this business message as refused if it came now, as it stands, at its
     * evaluation instant: a marketing template to a blocked country (G8, whatever its status) or a delivered
     * non-template message outside the customer service window (G7), as {@code send()} decides. Changes no state
     * but the account's day cache.
     */
    public boolean refusedAsIs(Message msg) {
        if (msg.isInbound()) return false;
        long instant = evaluationInstant(msg);
        if (msg.kind() == MessageKind.TEMPLATE && msg.category().isMarketing()) {
            AccountRuntime a = runtime(msg.account());
            a.calendar.at(instant);
            return blockedCustomer(msg, a.calendar.day());
        }
        return msg.isDelivered() && msg.kind().isNonTemplate()
                && !pairs.get(businessKey(msg.business()), customerKey(msg.customer()), sweepClock(), probeCursor).cswOpen(instant);
    }

    /** The pricing type of the message priced last (valid until the next one). */
    public PricingType lastType() { return line.type; }

    /** The amount of the message priced last, in 10^-8 units of its currency. */
    public long lastAmountUnits() { return line.amountUnits; }

    /** The account's time zone. */
    public java.time.ZoneId zoneOf(String account) { return runtime(account).account.zone(); }

    private final PairView view = new PairView();

    /** The event being priced, as the regime pricers read it: this engine's current fields, allocation-free. */
    private final PricedEvent event = new PricedEvent() {
        @Override public Message message() { return m; }

        @Override public long instant() { return t; }

        @Override public LocalDate day() { return acct.calendar.day(); }

        @Override public PairState pair() { return pair; }

        @Override public int accountIndex() { return acct.index; }

        @Override public int marketId() { return marketId; }

        @Override public String market() { return line.market; }
    };

    /** The flyweight behind {@link #window}. */
    private final class PairView implements io.wabill.sim.strategy.WindowView {
        PairState state;
        /** The forced regime, or null for the timeline of {@link #account}. */
        Regime regime;
        AccountRuntime account;

        private Regime regime(long t) {
            if (regime != null) return regime;
            if (account == null) throw new IllegalStateException("this view was made without a message; use window(Message)");
            return regimeAt(account, t);
        }

        @Override public boolean templateFree(io.wabill.sim.domain.TemplateCategory c, long t) {
            Regime r = regime(t);
            // B4, C7, D5: a free entry point window, or a reply that would use a pending entry, is free whatever it is.
            if (r != Regime.NBP && (state.fepOpen(t) || state.entryAvailable(t))) return true;
            switch (r) {
                case NBP: return state.cswOpen(t); // A2: the care window covers templates too
                case CBP1: case CBP2: return conversationOpen(c, t); // B1, C2: an open conversation covers it
                case PMP: // D3; C9: a carried-over utility conversation
                    return c == io.wabill.sim.domain.TemplateCategory.UTILITY
                            && (state.cswOpen(t) || state.conversationOpen(ConversationSlot.UTILITY, t));
                default: return false; // PMP-26 charges utility inside the window (E1)
            }
        }

        @Override public boolean freeInsideWindow(io.wabill.sim.domain.TemplateCategory c, long t) {
            Regime r = regime(t);
            return r == Regime.NBP || (r == Regime.PMP && c == io.wabill.sim.domain.TemplateCategory.UTILITY);
        }

        @Override public boolean serviceWindowOpen(long t) { return state.cswOpen(t); }

        @Override public long serviceWindowEnd() { return state.cswEnd(); }

        @Override public boolean freeEntryPointOpen(long t) { return state.fepOpen(t); }

        @Override public boolean conversationOpen(io.wabill.sim.domain.TemplateCategory c, long t) {
            return state.conversationOpen(ConversationSlot.of(c), t) || state.conversationOpen(ConversationSlot.CBP1, t);
        }
    }

    /** A user message or call opens or resets the customer service window (G6) and may be a free entry point. */
    private void receive() {
        line.type = PricingType.INBOUND;
        pair.cswEnd(t + PairState.DAY);
        pair.extend(pair.cswEnd()); // also the end of the entry's 24 h below
        pair.latestInboundIsEntry(m.entryPoint().isFree());
        if (m.entryPoint().isFree()) {
            pair.entryAt(t);
            pair.entryPending(true);
        }
    }

    private void send() {
        LocalDate day = acct.calendar.day();
        boolean delivered = m.isDelivered();
        String atSend = judgedAtSend.isEmpty() || m.messageId() == null ? null : judgedAtSend.remove(m.messageId());
        String why = undeliveredWhy.isEmpty() || m.messageId() == null ? null : undeliveredWhy.remove(m.messageId());
        if (m.kind() == MessageKind.TEMPLATE && m.category().isMarketing() && blockedMarket(day)) {
            reject("G8 error 131049");
            return;
        }
        if (!delivered) {
            // A message never delivered is released a status horizon after it was sent, when the pair's window may
            // have changed: the platform's verdict was taken at its send instant (judgeAtSend).
            if (atSend != null) {
                reject(atSend);
            } else {
                line.type = PricingType.UNDELIVERED;
                line.note = why == null ? statusNote(m.status()) : "status " + m.status().code() + "; " + why;
            }
            return;
        }
        if (m.kind().isNonTemplate() && !pair.cswOpen(t)) {
            reject("G7 error 131047");
            return;
        }
        line.chargedAt = t;
        if (m.kind() == MessageKind.AGENT && !day.isBefore(AGENT_TOKENS_FROM)) {
            chargeAgent();
            return;
        }
        switch (line.regime) {
            case NBP: nbp.price(event, line); break;
            case CBP1: cbp1.price(event, line); break;
            case CBP2: cbp2.price(event, line); break;
            case PMP: pmp.price(event, line); break;
            default: pmp26.price(event, line); break;
        }
    }

    private final Map<io.wabill.sim.domain.DeliveryStatus, String> statusNotes =
            new java.util.EnumMap<>(io.wabill.sim.domain.DeliveryStatus.class);

    /** The note of an undelivered message, made once per status rather than once per message. */
    private String statusNote(io.wabill.sim.domain.DeliveryStatus status) {
        String note = statusNotes.get(status);
        if (note == null) statusNotes.put(status, note = "status " + status.code());
        return note;
    }

    /** G8: marketing templates to US numbers (option: and Canada) are not delivered from 2025-04-01. */
    private boolean blockedMarket(LocalDate day) { return blocked(line.country, day); }

    private boolean blocked(String country, LocalDate day) {
        if (options.usBlock() == UsBlockScope.OFF || day.isBefore(US_BLOCK_FROM)) return false;
        return "US".equals(country) || (options.usBlock() == UsBlockScope.US_CA && "CA".equals(country));
    }

    private void reject(String note) {
        line.type = PricingType.REJECTED;
        line.note = note;
        lastRefusal = note;
    }

    private String lastRefusal = "";

    /** The rule and error code of the latest refusal (G7, G8), e.g. {@code G7 error 131047}. */
    public String lastRefusal() { return lastRefusal; }

    /** The currency of the message priced last. */
    public String lastCurrency() { return line.currency; }

    /** E6: agent messages cost their tokens at the per-million rate of the account's currency, never free. */
    private void chargeAgent() {
        BigDecimal perMillion = options.agentRatePerMillion().get(acct.account.currency());
        if (perMillion == null) {
            throw error("account", m.account(), "agent messages are charged per token (E6) but no token rate is "
                    + "configured in " + acct.account.currency() + " for account " + acct.account.id()
                    + "; give one with agentRatePerMillion " + acct.account.currency() + "=<rate per million tokens>");
        }
        line.type = PricingType.REGULAR;
        line.billable = BillableCategory.BUSINESS_AGENT;
        // The rate column is per token, so that rate x tokens = amount; the note keeps Meta's per-million figure.
        line.rate = perMillion.movePointLeft(6);
        try {
            line.amountUnits = Money.perMillion(m.tokens(), perMillion);
        } catch (ArithmeticException e) { // a token count or rate past what a long of 10^-8 units holds
            throw error("tokens", Long.toString(m.tokens()), m.tokens() + " tokens at " + perMillion.toPlainString()
                    + " per million cost more than the model can hold");
        }
        line.note = "E6 " + m.tokens() + " tokens at " + perMillion.toPlainString() + " per million";
    }

    // ---- services for the regime pricers ----

    /** The card for a charge now, honouring a pinned what-if card (G2, G2a). */
    CardChoice card() {
        if (pinned != null) {
            if (!pinned.currency().equals(acct.account.currency()))
                throw error("account", m.account(), "the what-if card " + pinned.id() + " is in " + pinned.currency()
                        + " but account " + acct.account.id() + " is billed in " + acct.account.currency());
            if (pinnedChoice == null) pinnedChoice = new CardChoice(pinned, listOnly(pinned), false); // the same for every charge
            return pinnedChoice;
        }
        LocalDate day = acct.calendar.day();
        if (acct.cardDay == null || !acct.cardDay.equals(day)) {
            try {
                acct.cardChoice = catalog.choose(acct.account.currency(), day, options.allowStaleCard());
            } catch (CatalogException e) {
                throw error("timestamp", Instant.ofEpochMilli(t).toString(), e.getMessage());
            }
            acct.cardDay = day;
        }
        return acct.cardChoice;
    }

    private CardChoice pinnedChoice;

    private boolean listOnly(RateCard card) {
        for (CoveragePeriod p : catalog.coverage())
            if (p.currency().equals(card.currency()) && p.contains(card.effective()))
                return p.status() == CoverageStatus.LIST_ONLY;
        return false;
    }

    /** The bands of the current market and a category on a card, or an error naming both. */
    Bands bands(CardChoice choice, RateCategory category) {
        Bands b = cardBands(choice.card(), category);
        if (b == null && !choice.card().hasCategory(category)) {
            // Not the row's fault: the card prices nothing of this category (an NBP replay needs a card of one's own, A6).
            throw error("", "", "rate card " + choice.card().id() + " (" + choice.card().source() + ") has no "
                    + category.code() + " rates in any market"
                    + (category == RateCategory.NOTIFICATION
                        ? "; NBP (A6) prices templates as notifications and no NBP card is bundled: supply a card with "
                            + "category notification and its bands with --rates (wabill rules A6)"
                        : "; supply a card that has them with --rates"));
        }
        if (b == null) {
            String what = choice.card().hasMarket(line.market)
                    ? "has no " + category.code() + " rate for market " + line.market
                    : "has no rates for market " + line.market;
            throw error("customer", m.customer(), "rate card " + choice.card().id() + " (" + choice.card().source()
                    + ") " + what);
        }
        return b;
    }

    // A card's bands by this engine's market number and category, in an array per card, instead of a map of market
    // names per charge; NO_BANDS marks a (market, category) the card has no rate for.
    private static final Bands NO_BANDS = new Bands(List.of(new Band(1, Long.MAX_VALUE, BigDecimal.ZERO)));
    private static final int CATEGORIES = RateCategory.values().length;
    private final java.util.IdentityHashMap<RateCard, Bands[]> bandsByCard = new java.util.IdentityHashMap<>();
    private RateCard bandsCard;
    private Bands[] bandsOfCard;

    /** The bands of the current market and a category on a card, or null when the card has no such rate. */
    Bands cardBands(RateCard card, RateCategory category) {
        if (card != bandsCard) {
            bandsOfCard = bandsByCard.computeIfAbsent(card, c -> new Bands[0]);
            bandsCard = card;
        }
        int i = (marketId - 1) * CATEGORIES + category.ordinal();
        if (i >= bandsOfCard.length) {
            bandsOfCard = java.util.Arrays.copyOf(bandsOfCard, Math.max(i + 1, 2 * bandsOfCard.length));
            bandsByCard.put(card, bandsOfCard);
        }
        Bands b = bandsOfCard[i];
        if (b == null) {
            b = card.bands(line.market, category);
            bandsOfCard[i] = b == null ? NO_BANDS : b;
            return b;
        }
        return b == NO_BANDS ? null : b;
    }

    /** Charges an untiered rate: the first (list) band (D4 marketing, E2 service, CBP conversations). */
    void chargeList(CardChoice choice, Bands bands, BillableCategory billable, String note) {
        chargeBand(choice, bands, 0, billable, note);
        // Untiered even when the card's category has bands (a CBP utility conversation, E2 service at the
        // utility rate): the ledger's tier column is for tiered charges only (FORMATS.md section 4).
        line.band = null;
    }

    void chargeBand(CardChoice choice, Bands bands, int index, BillableCategory billable, String note) {
        Band band = bands.band(index);
        line.type = PricingType.REGULAR;
        line.billable = billable;
        line.rate = band.rate();
        line.amountUnits = bands.unitsAt(index);
        line.band = bands.isTiered() ? band : null;
        line.rateCard = choice.card().id();
        line.note = withCatalogRemarks(note, choice);
    }

    /**
     * A template of unknown category (FORMATS.md section 1) where the price depends on the category: an input
     * error that names the rules needing it, before anything changes.
     */
    PricingException unknownCategory(String regime, String rules) {
        return error("category", m.category().code(), "the template's category is unknown (imported from webhooks that "
                + "report only a CBP-1 initiation type or a free entry point) and under " + regime + " its price depends "
                + "on the category outside a free entry point (" + rules + "); give the category in the log, or import "
                + "the webhooks again with unknownTemplateCategory");
    }

    String withCatalogRemarks(String note, CardChoice choice) {
        if (choice.stale()) note = withRemark(note, "; stale-card");
        return note;
    }

    // Notes made of a rule's note and a remark, or of a free-tier count, are made once and kept: a ledger note is
    // written for every message, and the same few texts recur (bounded by the notes and the free tiers' sizes).
    private final Map<String, Map<String, String>> remarked = new HashMap<>();
    private final Map<String, String[]> counted = new HashMap<>();

    /**
     * {@code note + "; " + extra}, made once per pair of texts and kept: a strategy's note ("strategy: delayed 12h00m")
     * joins the rule's note of every message it changed, and both come from small sets of texts. Bounded: the kept
     * texts start over past {@link #MAX_JOINED} (a rule's note made per message, such as an agent's token count).
     */
    String joined(String note, String extra) {
        if (note == lastJoinedNote && extra == lastJoinedExtra) return lastJoined; // a run of one change: the same texts
        Map<String, String> byNote = joinedNotes.get(extra);
        if (byNote == null) joinedNotes.put(extra, byNote = new HashMap<>());
        String text = byNote.get(note);
        if (text == null) {
            text = note + "; " + extra;
            if (++joinedCount > MAX_JOINED) {
                joinedNotes.clear();
                joinedCount = 1;
                joinedNotes.put(extra, byNote = new HashMap<>());
            }
            byNote.put(note, text);
        }
        lastJoinedNote = note;
        lastJoinedExtra = extra;
        lastJoined = text;
        return text;
    }

    private String lastJoinedNote, lastJoinedExtra, lastJoined;

    private final Map<String, Map<String, String>> joinedNotes = new HashMap<>();
    private int joinedCount;
    private static final int MAX_JOINED = 1 << 16;

    /** {@code note + remark}, the same text each time, made once. */
    String withRemark(String note, String remark) {
        return remarked.computeIfAbsent(remark, r -> new HashMap<>()).computeIfAbsent(note, n -> n + remark);
    }

    /** {@code prefix + n + " of " + of + " free"} for the n-th of a free tier of {@code of} (B2, C5, E3), made once per n. */
    String countedNote(String prefix, long n, int of) {
        String[] notes = counted.computeIfAbsent(prefix, p -> new String[of + 1]);
        if (n < 1 || n >= notes.length) return prefix + n + " of " + of + " free";
        String note = notes[(int) n];
        if (note == null) notes[(int) n] = note = prefix + n + " of " + of + " free";
        return note;
    }

    void free(PricingType type, BillableCategory billable, String note) {
        line.type = type;
        line.billable = billable;
        line.note = note;
    }

    /** Whether authentication to the current recipient takes the international rate (X1-X3). */
    boolean authInternational(CardChoice choice) {
        Account a = acct.account;
        if (a.businessCountry() == null || line.country == null || a.businessCountry().equals(line.country)) return false;
        if (!acct.authInternationalEligible(marketId, line.market, t)) return false;
        return cardBands(choice.card(), RateCategory.AUTHENTICATION_INTERNATIONAL) != null;
    }

    /**
     * The next CBP conversation number of the message's account (B1, C2, C3). Numbered per account, not per log, so
     * that a portfolio priced apart numbers its conversations as the whole log does (see io.wabill.sim.api.Partition):
     * (account, number) names one conversation.
     */
    long nextConversation() { return ++acct.conversations; }

    /** B5, C4: a conversation ends its duration after its opening instant rounded up to a whole minute. */
    long conversationEnd(long durationMillis) {
        long base = options.expiryBase() == ExpiryBase.SEND ? m.sendAt() : t;
        long rounded = Math.floorMod(base, 60_000L) == 0 ? base : base - Math.floorMod(base, 60_000L) + 60_000L;
        return rounded + durationMillis;
    }

    // ---- counters: one long key per (kind, owner, market, family, local month) ----

    static final int TIER = 1, CBP1_FREE = 2, CBP2_SERVICE_FREE = 3, SERVICE_FREE_NUMBER = 4,
            SERVICE_FREE_ACCOUNT = 5, NBP_COUNT = 6;

    long counterKey(int kind, int owner, int market, int family) {
        return ((long) kind << 60) | ((long) owner << 36) | ((long) market << 26) | ((long) family << 24)
                | acct.calendar.monthIndex();
    }

    private String lastPortfolio;
    private int lastPortfolioId;

    int portfolioId() {
        String p = m.portfolio() != null && !m.portfolio().isEmpty() ? m.portfolio() : acct.account.portfolio();
        if (p == lastPortfolio) return lastPortfolioId; // the same string as the message before: the same portfolio
        lastPortfolioId = intern(portfolioIndex, p);
        lastPortfolio = p;
        return lastPortfolioId;
    }

    /** The portfolio a message counts in (D7): its own column, else its account's. */
    public String portfolioOf(Message msg) {
        return msg.portfolio() != null && !msg.portfolio().isEmpty() ? msg.portfolio() : runtime(msg.account()).account.portfolio();
    }

    int businessId() { return (int) businessKey(m.business()); }

    long nbpMonthTotal(long key) { return nbpMonthTotals == null ? -1 : nbpMonthTotals.get(key); }

    /** Every NBP count so far, to feed a whole-month second pass (A3). */
    public LongCounter counters() { return counters; }

    private static int intern(Map<String, Integer> index, String name) {
        Integer id = index.get(name);
        if (id == null) {
            id = index.size() + 1;
            index.put(name, id);
        }
        return id;
    }

    private String lastAccountId;
    private AccountRuntime lastRuntime;

    private AccountRuntime runtime(String id) {
        if (id == lastAccountId) return lastRuntime; // the reader interns account names
        AccountRuntime r = runtimes.get(id);
        if (r == null) {
            Account a = accounts.get(id);
            r = new AccountRuntime(a, runtimes.size() + 1);
            runtimes.put(id, r);
        }
        lastAccountId = id;
        lastRuntime = r;
        return r;
    }

    private static String normalizedBusiness(String business) {
        return business.startsWith("+") ? business.substring(1) : business;
    }

    /**
     * The business strings seen last and their keys, compared by identity (the reader interns business numbers, the
     * generator uses one string per number): a log whose messages alternate between a few business numbers finds them
     * here instead of hashing and normalizing the string each time.
     */
    private final String[] recentBusinesses = new String[8];
    private final long[] recentBusinessKeys = new long[8];
    private int nextRecentBusiness;

    private long businessKey(String business) {
        String[] recent = recentBusinesses;
        for (int i = 0; i < recent.length; i++) if (recent[i] == business) return recentBusinessKeys[i];
        int id = intern(businessIndex, normalizedBusiness(business));
        if (id >= 1 << 20) throw new IllegalStateException("more than a million business numbers in one run");
        int slot = nextRecentBusiness;
        nextRecentBusiness = (slot + 1) & (recent.length - 1);
        recent[slot] = business;
        recentBusinessKeys[slot] = id;
        return id;
    }

    /** E.164 digits as a number; business-scoped ids get numbers above every phone number. */
    private long customerKey(String customer) { return customerKey(customer, numberKey(customer)); }

    /** {@link #customerKey(String)} of a customer whose {@link #numberKey} the caller has already. */
    private long customerKey(String customer, long number) { return number >= 0 ? number >>> 4 : scopedKey(customer); }

    private String lastCustomer;
    private long lastNumberKey;

    /**
     * {@link CountryResolver#numberKey}, remembered for the last customer string: a business message is looked at by
     * the executive (refused as it stands? its pair's windows?) and then priced, each with the same string, so it is
     * parsed once, not three times. Compared by identity: a different string with the same digits is parsed again.
     */
    private long numberKey(String customer) {
        if (customer == lastCustomer) return lastNumberKey;
        long key = CountryResolver.numberKey(customer);
        lastCustomer = customer;
        lastNumberKey = key;
        return key;
    }

    /**
     * The customer's number key ({@link CountryResolver#numberKey}, -1 for an identifier that is not a number), for a
     * caller that will come back to the message much later: it hands the key back through {@link #knownCustomer}.
     */
    public long customerNumberKey(String customer) { return numberKey(customer); }

    /**
     * Tells the engine the number key of a customer string, computed earlier from this very string by
     * {@link #customerNumberKey}: a message deferred for hours is then looked at and priced without reading its
     * customer's characters again (they are cold by then; strings do not change, so the key is the same).
     */
    public void knownCustomer(String customer, long numberKey) {
        lastCustomer = customer;
        lastNumberKey = numberKey;
    }

    /**
     * The key a pair is known by in this engine, business and customer, for a caller that keeps something per pair
     * (the executive's messages waiting for their customer): {@code out[0]} the business's index, {@code out[1]} the
     * customer's key. Equal keys are the same pair, as the engine prices it ({@code +} or not, {@code 00} or not).
     */
    public void pairKey(Message msg, long[] out) {
        out[0] = businessKey(msg.business());
        out[1] = customerKey(msg.customer());
    }

    /** The pair key of a customer that is not a phone number: above every phone number, one per identifier. */
    private long scopedKey(String customer) {
        Long id = scopedIds.get(customer);
        if (id == null) {
            id = 1_000_000_000_000_000L + scopedIds.size();
            scopedIds.put(customer, id);
        }
        return id;
    }

    PricingException error(String column, String value, String message) {
        return new PricingException(m.file(), m.line(), column, value, message, m.rows());
    }

    /** Pairs held now, the most held at once, and how many were forgotten after their windows closed. */
    public String stateReport() {
        return "pairs held " + pairs.size() + ", peak " + pairs.peak() + ", forgotten " + pairs.swept();
    }

    public int peakPairs() { return pairs.peak(); }

    LocalDate day() { return acct.calendar.day(); }

    static final class AccountRuntime {
        final Account account;
        final int index;
        final LocalCalendar calendar;
        LocalDate cardDay;
        CardChoice cardChoice;
        long conversations;
        /** Per market number: the instant authentication-international starts (X2), NEVER, or UNKNOWN (0 unused). */
        private long[] authFrom = new long[0];
        private static final long UNKNOWN = Long.MIN_VALUE, NEVER = Long.MAX_VALUE;

        /** {@link Account#authInternationalEligible(String, long)}, its start instant computed once per market. */
        boolean authInternationalEligible(int marketId, String market, long t) {
            if (marketId >= authFrom.length) {
                int n = authFrom.length;
                authFrom = java.util.Arrays.copyOf(authFrom, Math.max(marketId + 1, 2 * n));
                java.util.Arrays.fill(authFrom, n, authFrom.length, UNKNOWN);
            }
            long from = authFrom[marketId];
            if (from == UNKNOWN) {
                LocalDate start = account.authInternationalByMarket().getOrDefault(market, account.authInternationalFrom());
                authFrom[marketId] = from = start == null ? NEVER : start.atStartOfDay(account.zone()).toInstant().toEpochMilli();
            }
            return from != NEVER && t >= from;
        }

        AccountRuntime(Account account, int index) {
            this.account = account;
            this.index = index;
            this.calendar = new LocalCalendar(account.zone());
        }
    }

    static boolean isAfterOrOn(LocalDate day, LocalDate from) { return !day.isBefore(from); }

    static long none() { return LogRow.NONE; }
}
