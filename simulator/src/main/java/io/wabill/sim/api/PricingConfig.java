package io.wabill.sim.api;

import io.wabill.sim.account.Account;
import io.wabill.sim.account.AccountBook;
import io.wabill.sim.engine.BandMode;
import io.wabill.sim.engine.Engine;
import io.wabill.sim.engine.LedgerSink;
import io.wabill.sim.engine.PricingOptions;
import io.wabill.sim.market.MarketMap;
import io.wabill.sim.market.MarketResolver;
import io.wabill.sim.rates.CatalogException;
import io.wabill.sim.strategy.StrategyChain;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Everything that prices a log, built once and shared by any number of {@link PricingSession}s (one per thread, per
 * partition or per pass): the catalog of rate cards, the market map, the accounts, the pricing options, the strategy
 * chain and the status horizon. Immutable and thread-safe; {@link #builder()} makes one, {@link #toBuilder()} a
 * variant (e.g. another strategy for a comparison).
 */
public final class PricingConfig {
    /** The default status horizon: how long after sending a message its status rows may arrive. */
    public static final Duration DEFAULT_STATUS_HORIZON = Duration.ofDays(7);

    private final Catalog catalog;
    private final MarketMap markets;
    private final Supplier<MarketResolver> resolvers;
    private final AccountBook accounts;
    private final PricingOptions options;
    private final StrategyChain strategy;
    private final Duration statusHorizon;

    private PricingConfig(Builder b) {
        this.catalog = Objects.requireNonNull(b.catalog, "catalog: give one with catalog(...)");
        this.markets = b.markets != null ? b.markets : catalog.markets();
        this.resolvers = b.resolvers != null ? b.resolvers : () -> new MarketResolver(markets);
        this.accounts = b.accounts != null ? b.accounts : new AccountBook(Account.defaults(Account.DEFAULT_ID), List.of());
        this.options = b.options != null ? b.options : PricingOptions.defaults();
        this.strategy = b.strategy != null ? b.strategy : StrategyChain.asLogged();
        this.statusHorizon = b.statusHorizon != null ? b.statusHorizon : DEFAULT_STATUS_HORIZON;
        if (statusHorizon.isNegative() || statusHorizon.isZero())
            throw new IllegalArgumentException("statusHorizon must be positive, was " + statusHorizon);
        newEngine(line -> { }); // a what-if card that is not in the catalog fails here, not at the first row
    }

    public static Builder builder() { return new Builder(); }

    /** A builder holding this configuration's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.catalog = catalog;
        b.markets = markets;
        b.resolvers = resolvers;
        b.accounts = accounts;
        b.options = options;
        b.strategy = strategy;
        b.statusHorizon = statusHorizon;
        return b;
    }

    /** A session over the whole log, stopping at the first problem; entries are immutable {@link LedgerEntry}s. */
    public PricingSession newSession(LedgerEntrySink sink) { return newSession(sink, SessionOptions.defaults()); }

    public PricingSession newSession(LedgerEntrySink sink, SessionOptions o) {
        Objects.requireNonNull(sink, "sink");
        return new PricingSession(this, line -> sink.accept(LedgerEntry.of(line)), o);
    }

    /**
     * The allocation-free path for writers of large ledgers: the sink receives the engine's one reused
     * {@link io.wabill.sim.engine.LedgerLine}, valid until it returns (copy with {@link LedgerEntry#of} to keep one).
     */
    public PricingSession newLineSession(LedgerSink lines, SessionOptions o) {
        Objects.requireNonNull(lines, "lines");
        return new PricingSession(this, lines, o);
    }

    /** Whether sessions need a counting pass first: whole-month NBP bands (A3). */
    public boolean needsCountingPass() { return options.nbpBands() == BandMode.WHOLE_MONTH; }

    Engine newEngine(LedgerSink sink) {
        try {
            return new Engine(catalog.rates(), resolvers.get(), accounts, options, sink);
        } catch (CatalogException e) {
            throw new PricingConfigException(e.getMessage());
        }
    }

    public Catalog catalog() { return catalog; }

    public MarketMap markets() { return markets; }

    public AccountBook accounts() { return accounts; }

    public PricingOptions options() { return options; }

    public StrategyChain strategy() { return strategy; }

    public Duration statusHorizon() { return statusHorizon; }

    /** Builds a {@link PricingConfig}; only the catalog is required. */
    public static final class Builder {
        private Catalog catalog;
        private MarketMap markets;
        private Supplier<MarketResolver> resolvers;
        private AccountBook accounts;
        private PricingOptions options;
        private StrategyChain strategy;
        private Duration statusHorizon;

        private Builder() {}

        /** The rate cards and their market map (required). */
        public Builder catalog(Catalog c) { this.catalog = c; return this; }

        /** Another market map than the catalog's (e.g. a what-if market move); default: the catalog's. */
        public Builder marketMap(MarketMap m) { this.markets = m; this.resolvers = null; return this; }

        /**
         * A market resolver per session, for callers that share a country cache across runs; default: a new
         * resolver of {@link #marketMap}'s map per session.
         */
        public Builder marketResolvers(Supplier<MarketResolver> r) { this.resolvers = r; return this; }

        /** The configured accounts; default: every account with the default settings (UTC, USD). */
        public Builder accounts(AccountBook a) { this.accounts = a; return this; }

        /** Default: {@link PricingOptions#defaults()}. */
        public Builder options(PricingOptions o) { this.options = o; return this; }

        /** Default: {@link StrategyChain#asLogged()}, every message as logged. */
        public Builder strategy(StrategyChain s) { this.strategy = s; return this; }

        /** How long after sending a message its status rows may arrive; default 7 days. */
        public Builder statusHorizon(Duration d) { this.statusHorizon = d; return this; }

        /** @throws PricingConfigException when the options name a card the catalog lacks */
        public PricingConfig build() { return new PricingConfig(this); }
    }
}
