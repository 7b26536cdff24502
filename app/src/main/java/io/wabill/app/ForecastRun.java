package io.wabill.app;

import io.wabill.data.log.LogFormatException;
import io.wabill.data.log.RowError;
import io.wabill.sim.api.Catalog;
import io.wabill.data.traffic.LogRowSink;
import io.wabill.data.traffic.RandomDraws;
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
import io.wabill.sim.market.MarketResolver;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Monte Carlo runs of a forecast. Run i generates its own traffic in memory from seed {@code seed + i}
 * and a growth rate drawn for index i, streams it row by row into its own {@link PricingSession} (the same path as
 * {@code simulate}, so windows, free entry points, free tiers and volume
 * tiers all count), and adds up its ledger in a {@link RunLedger}. Runs share only immutable inputs (model,
 * catalog, options), go to a fixed pool of threads, and are collected by index: the result is the same
 * whatever the number of threads.
 *
 * <p>Run 0 with a fixed growth uses exactly the seed given, so {@code wabill generate --seed S} followed by
 * {@code simulate} reproduces it; run i is {@code generate --seed S+i --growth g_i}.
 */
public final class ForecastRun {
    /** Everything the runs share. {@code growthRange} null means every run uses {@code growth}. */
    public record Settings(TrafficModel model, Catalog catalog, AccountBook accounts, PricingOptions pricing, LocalDate start,
                    int months, double scale, double growth, GrowthRange growthRange, int runs, long seed, int threads,
                    Duration statusHorizon, StrategyChain chain) {}

    /** One run's outcome: its seed, growth, rows and cells. */
    public record Outcome(int index, long seed, double growth, long rows, TreeMap<RunLedger.Key, RunLedger.Cell> cells) {}

    static final long GROWTH_STREAM = 0x6A09E667F3BCC909L;

    private final Settings s;
    private final AtomicInteger done = new AtomicInteger();
    private final ThreadLocal<MarketResolver> resolvers;

    public ForecastRun(Settings settings) {
        this.s = settings;
        // A resolver caches country lookups and is not thread-safe: one per thread. The cache does not change results.
        this.resolvers = ThreadLocal.withInitial(() -> new MarketResolver(settings.catalog().markets()));
    }

    public int done() { return done.get(); }

    /** The growth rate of run {@code index}: fixed, or drawn from the range by a stream of its own. */
    public double growthOf(int index) {
        if (s.growthRange() == null) return s.growth();
        return s.growthRange().at(new SplittableRandom(mix(s.seed(), index)).nextDouble());
    }

    /** The growth draw's own seed for a run: apart from the traffic's streams, the same for any thread. */
    public static long mix(long seed, long index) {
        return RandomDraws.mix(RandomDraws.mix(seed ^ GROWTH_STREAM) + index);
    }

    public List<Outcome> runAll() throws Exception {
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
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> f : futures) {
                try {
                    outcomes.add(f.get());
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof Exception x) throw x;
                    throw e;
                }
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    public Outcome runOne(int index) throws Exception {
        long seed = s.seed() + index;
        double growth = growthOf(index);
        LocalDate last = s.start().plusMonths(s.months()).minusDays(1);
        TrafficGenerator generator = new TrafficGenerator(s.model(), new TrafficGenerator.Plan(s.start(), last, s.scale(), growth, seed));
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
            if (p.kind() == RowProblem.Kind.UNPRICEABLE)
                throw new UserException(name + " (seed " + seed + "), generated row " + p.line() + ": " + p.reason());
            throw new LogFormatException(new RowError(p.file(), p.line(), p.column(), p.value(), p.reason()));
        }));
        long rows = generator.run(new LogRowSink(name, s.model(), session::accept));
        session.finish();
        done.incrementAndGet();
        return new Outcome(index, seed, growth, rows, ledger.result());
    }
}
