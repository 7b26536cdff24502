package io.wabill.app;

import io.wabill.data.log.LogFormatException;
import io.wabill.data.log.RowError;
import io.wabill.sim.api.Catalog;
import io.wabill.data.traffic.LogRowSink;
import io.wabill.data.traffic.ParameterDraws;
import io.wabill.data.traffic.TrafficGenerator;
import io.wabill.data.traffic.TrafficModel;
import io.wabill.sim.account.Account;
import io.wabill.sim.account.AccountBook;
import io.wabill.sim.api.PricingConfig;
import io.wabill.sim.api.PricingConfigException;
import io.wabill.sim.api.PricingSession;
import io.wabill.sim.api.RowProblem;
import io.wabill.sim.api.SessionOptions;
import io.wabill.sim.engine.PricingOptions;
import io.wabill.sim.strategy.StrategyChain;
import io.wabill.sim.market.CountryResolver;
import io.wabill.sim.market.MarketResolver;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Monte Carlo runs of a forecast. Run i draws its own traffic parameters, growth and level
 * ({@link ParameterDraws}, from index i alone), generates its traffic in memory from seed {@code seed + i}, streams it row by row into its own {@link PricingSession} (the same path as
 * {@code simulate}, so windows, free entry points, free tiers and volume
 * tiers all count), and adds up its ledger in a {@link RunLedger}. Runs share only immutable inputs (model,
 * catalog, options), go to a fixed pool of threads, and are collected by index: the result is the same
 * whatever the number of threads.
 *
 * <p>With fixed parameters ({@code --fixed-parameters}), run 0 with a fixed growth uses exactly the seed given, so
 * {@code wabill generate --seed S} followed by {@code simulate} reproduces it; run i is
 * {@code generate --seed S+i --growth g_i}.
 */
public final class ForecastRun {
    /** Everything the runs share; {@code draws} gives each run its parameters, growth and level. */
    public record Settings(TrafficModel model, Catalog catalog, AccountBook accounts, PricingOptions pricing, LocalDate start,
                    int months, double scale, ParameterDraws draws, int runs, long seed, int threads,
                    Duration statusHorizon, StrategyChain chain) {}

    /** One run's outcome: its seed, the parameters drawn for it, rows and cells. */
    public record Outcome(int index, long seed, ParameterDraws.Draw draw, long rows, TreeMap<RunLedger.Key, RunLedger.Cell> cells) {
        public double growth() { return draw.growth(); }
    }

    private final Settings s;
    private final AtomicInteger done = new AtomicInteger();
    private final ThreadLocal<MarketResolver> resolvers;
    /** Customers' number strings, made once per thread and used by every run on it (the same numbers each run). */
    private final ThreadLocal<LogRowSink.NumberCache> numbers = ThreadLocal.withInitial(LogRowSink.NumberCache::new);

    public ForecastRun(Settings settings) {
        this.s = settings;
        // A resolver caches country lookups and is not thread-safe: one per thread. The cache does not change results.
        // Its cache is sized to the model's customers (twice, for the level and growth a run may draw): a table that
        // fits the processor's cache, where the default one (sized for any log) misses on nearly every lookup.
        long customers = 0;
        for (io.wabill.data.traffic.MarketTraffic m : settings.model().markets()) customers += m.customers();
        long expected = (long) Math.min(Long.MAX_VALUE / 4, Math.ceil(customers * Math.max(1, settings.scale()) * 2));
        this.resolvers = ThreadLocal.withInitial(() -> new MarketResolver(settings.catalog().markets(),
                CountryResolver.forNumbers(expected)));
    }

    public int done() { return done.get(); }

    /**
     * Runs every run and hands each outcome to {@code sink} in index order as soon as it and all before it are
     * done, then lets it go: memory holds the runs in flight and their small per-month cells, never every run.
     */
    public void runAll(java.util.function.Consumer<Outcome> sink) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(s.threads(), r -> {
            Thread t = new Thread(r, "wabill-forecast");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (int i = 0; i < s.runs(); i++) {
                int index = i;
                futures.add(pool.submit(() -> runOne(index)));
            }
            for (int i = 0; i < futures.size(); i++) {
                try {
                    sink.accept(futures.get(i).get());
                    futures.set(i, null);
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof Exception x) throw x;
                    throw e;
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Receives the generated messages no card or rate could price, from every run's thread; null: they stop the forecast. */
    private java.util.function.ObjIntConsumer<RowError> unpriced;

    /**
     * With {@code --on-error skip}: messages that cannot be priced go to {@code sink}, with the run's index, instead of
     * stopping the forecast.
     */
    public ForecastRun skipUnpriced(java.util.function.ObjIntConsumer<RowError> sink) {
        this.unpriced = sink;
        return this;
    }

    public Outcome runOne(int index) throws Exception {
        long seed = s.seed() + index;
        ParameterDraws.Draw draw = s.draws().draw(index);
        LocalDate last = s.start().plusMonths(s.months()).minusDays(1);
        TrafficGenerator generator;
        try {
            generator = new TrafficGenerator(draw.model(), new TrafficGenerator.Plan(s.start(), last, s.scale() * draw.level(), draw.growth(), seed));
        } catch (IllegalArgumentException e) {
            throw new UserException("forecast run " + index + " (growth " + GrowthRange.format(draw.growth()) + "/month): " + e.getMessage());
        }
        // The account book derives unknown accounts on demand, so each run gets its own copy.
        AccountBook accounts = new AccountBook(s.accounts().get(Account.DEFAULT_ID), s.accounts().all());
        int firstMonth = s.start().getYear() * 12 + s.start().getMonthValue() - 1;
        RunLedger ledger = new RunLedger(firstMonth, firstMonth + s.months() + (s.start().getDayOfMonth() > 1 ? 1 : 0), accounts);
        String name = "forecast run " + index;
        PricingConfig config;
        try {
            config = PricingConfig.builder().catalog(s.catalog()).marketResolvers(resolvers::get).accounts(accounts)
                    .options(s.pricing()).strategy(s.chain()).statusHorizon(s.statusHorizon()).build();
        } catch (PricingConfigException e) {
            throw new UserException(e.getMessage());
        }
        // The same session as simulate and compare: a strategy changes what the business sends and when (issue 4).
        PricingSession session = config.newLineSession(ledger, SessionOptions.defaults().withProblems(p -> {
            if (p.kind() == RowProblem.Kind.UNPRICEABLE) {
                RowError error = new RowError(name + " (seed " + seed + ")", p.line(), p.column(), p.value(), p.reason());
                if (unpriced == null) throw new UserException(error.describe());
                unpriced.accept(error, index); // --on-error skip: listed in errors.csv and counted
                return;
            }
            throw new LogFormatException(new RowError(p.file(), p.line(), p.column(), p.value(), p.reason()));
        }));
        LogRowSink sink = LogRowSink.reusing(name, draw.model(), session::accept, numbers.get());
        // Ids only name the generated messages (one row each, status inline): without them the session takes each
        // message as it comes instead of tracking ids for status rows that never come. Same prices; kept for a
        // strategy that reads them.
        if (!s.chain().readsMessageIds()) sink.withoutMessageIds();
        long rows = generator.run(sink);
        session.finish();
        done.incrementAndGet();
        return new Outcome(index, seed, draw, rows, ledger.result());
    }
}
