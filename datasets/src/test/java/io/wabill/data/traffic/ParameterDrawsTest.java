package io.wabill.data.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wabill.data.log.RowErrorHandler;
import io.wabill.sim.market.MarketResolver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each forecast run's parameters: reproducible per index, spread as stated, and from a fit its bootstrap and trend. */
class ParameterDrawsTest {
    static final LocalDate START = LocalDate.of(2027, 1, 1);
    static TrafficModel known;
    static TrafficFitting.Result grown;

    /** Ten weeks of the known model, customers growing 6 % a month, fitted back. */
    @BeforeAll
    static void fitAGrowingLog(@TempDir Path dir) throws Exception {
        known = TrafficTestModels.known();
        Path log = dir.resolve("grown.csv");
        Files.write(log, TrafficTestModels.csv(known, LocalDate.of(2026, 9, 1), LocalDate.of(2026, 11, 9), 0.5, 0.06, 3));
        grown = TrafficFitting.fit(List.of(log), ZoneId.of("America/Sao_Paulo"), Map.of("India", ZoneId.of("Asia/Kolkata")),
                new MarketResolver(TrafficTestModels.markets()), RowErrorHandler.STOP, Duration.ofHours(1), 1000);
    }

    static double sessions(ParameterDraws.Draw d, int market) { return d.model().markets().get(market).sessions().perCustomerDay(); }

    @Test
    void aRunsDrawDependsOnlyOnTheSeedAndItsIndex() {
        ParameterDraws a = new ParameterDraws(known, null, 0.1, false, ParameterDraws.Growth.fixed(0), 7, START);
        ParameterDraws b = new ParameterDraws(known, null, 0.1, false, ParameterDraws.Growth.fixed(0), 7, START);
        double later = sessions(a.draw(9), 0);
        b.draw(3);
        assertEquals(later, sessions(b.draw(9), 0), "the same index gives the same draw whatever came before");
        assertNotEquals(sessions(a.draw(9), 0), sessions(a.draw(10), 0));
        assertNotEquals(sessions(a.draw(9), 0), sessions(new ParameterDraws(known, null, 0.1, false, ParameterDraws.Growth.fixed(0), 8, START).draw(9), 0));
    }

    @Test
    void fixedParametersAreTheModelAsGiven() {
        ParameterDraws fixed = new ParameterDraws(known, null, 0.1, true, ParameterDraws.Growth.fixed(0.03), 7, START);
        ParameterDraws.Draw d = fixed.draw(4);
        assertSame(known, d.model());
        assertEquals(0.03, d.growth());
        assertEquals(1.0, d.level());
    }

    @Test
    void aScenariosParametersSpreadAroundItsValuesByTheStatedSpread() {
        ParameterDraws draws = new ParameterDraws(known, null, 0.1, false, ParameterDraws.Growth.fixed(0), 1, START);
        int n = 600;
        double[] logs = new double[n];
        double base = known.markets().get(0).sessions().perCustomerDay();
        for (int i = 0; i < n; i++) logs[i] = Math.log(sessions(draws.draw(i), 0) / base);
        double mean = Arrays.stream(logs).average().orElseThrow();
        double sd = Math.sqrt(Arrays.stream(logs).map(x -> (x - mean) * (x - mean)).sum() / (n - 1));
        assertTrue(Math.abs(mean) < 0.015, "the scenario's value is the median: mean log factor " + mean);
        assertTrue(sd > 0.09 && sd < 0.11, "spread 10 %: sd of the log factor " + sd);
        ParameterDraws none = new ParameterDraws(known, null, 0, false, ParameterDraws.Growth.fixed(0), 1, START);
        assertEquals(base, sessions(none.draw(5), 0), 1e-15);
        for (int i = 0; i < 50; i++) {
            MarketTraffic m = draws.draw(i).model().markets().get(0);
            assertTrue(m.marketing().audienceShare() <= 1 && m.sessions().ctwaShare() <= 1 && m.utility().messagesPerEvent() >= 1);
            assertEquals(7.0, Arrays.stream(m.weekly()).sum(), 1e-9, "weekly factors keep their mean of 1");
        }
    }

    @Test
    void aGrowingLogsTrendIsFoundAndEachRunDrawsAroundIt() {
        ParameterDraws draws = new ParameterDraws(grown.model(), grown.tallies(), 0, false, ParameterDraws.Growth.estimated(), 1, START);
        ParameterDraws.Trend t = draws.trend();
        assertEquals(10, t.weeks());
        assertTrue(Math.abs(t.monthlyGrowth() - 0.06) < 0.015, "growth 6 %/month, estimated " + t.monthlyGrowth());
        assertTrue(t.monthlyStandardError() > 0 && t.monthlyStandardError() < 0.02, "standard error " + t.monthlyStandardError());
        int n = 300;
        double[] g = new double[n], s = new double[n], level = new double[n];
        double base = grown.model().markets().get(0).sessions().perCustomerDay();
        for (int i = 0; i < n; i++) {
            ParameterDraws.Draw d = draws.draw(i);
            g[i] = d.growth();
            s[i] = sessions(d, 0) / base;
            level[i] = d.level();
        }
        assertTrue(sd(g) > 0.3 * t.monthlyStandardError() && sd(g) < 3 * t.monthlyStandardError(), "growth draws spread " + sd(g));
        // Sessions measured on about a thousand a week: the bootstrap's spread is a few per cent, not zero, not 10 %.
        assertTrue(sd(s) > 0.005 && sd(s) < 0.06, "bootstrap spread of the session rate " + sd(s));
        // The log's middle is about 2.5 months before mid-January: the level moves up by about (1.06)^2.5.
        double meanLevel = Arrays.stream(level).average().orElseThrow();
        assertTrue(meanLevel > 1.08 && meanLevel < 1.25, "level moved to the forecast's first month: " + meanLevel);
        assertTrue(draws.describe().contains("bootstrapped over 10 full weeks"), draws.describe());
    }

    @Test
    void aPartialFirstDayIsNotReadAsGrowth() {
        TreeMap<Long, Double> flat = new TreeMap<>();
        long first = LocalDate.of(2026, 9, 1).toEpochDay();
        for (int d = 0; d < 42; d++) flat.put(first + d, d == 0 ? 40.0 : 1000.0 + (d % 3));
        ParameterDraws.Trend t = ParameterDraws.Trend.of(flat);
        assertTrue(Math.abs(t.monthlyGrowth()) < 0.01, "flat traffic after a partial first day: " + t.monthlyGrowth());
    }

    static double sd(double[] v) {
        double m = Arrays.stream(v).average().orElseThrow();
        return Math.sqrt(Arrays.stream(v).map(x -> (x - m) * (x - m)).sum() / (v.length - 1));
    }
}
