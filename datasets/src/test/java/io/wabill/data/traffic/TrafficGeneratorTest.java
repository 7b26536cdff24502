package io.wabill.data.traffic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wabill.data.log.LogReader;
import io.wabill.data.log.RowErrorHandler;
import io.wabill.sim.domain.MessageKind;
import io.wabill.sim.events.LogRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrafficGeneratorTest {
    static final LocalDate FROM = LocalDate.of(2026, 10, 1), TO = LocalDate.of(2026, 10, 14);

    @Test
    void aGeneratedLogIsAValidCanonicalLogSortedByTime(@TempDir Path dir) throws Exception {
        TrafficModel model = TrafficPresets.load("multi-market-global", TrafficTestModels.markets());
        Path file = dir.resolve("log.csv");
        Files.write(file, TrafficTestModels.csv(model, FROM, TO, 0.2, 3));
        List<LogRow> rows = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Set<MessageKind> kinds = new HashSet<>();
        try (LogReader r = new LogReader(file, 0, RowErrorHandler.STOP)) {
            LogRow row;
            while ((row = r.next()) != null) {
                rows.add(row);
                kinds.add(row.kind());
                if (row.messageId() != null) assertTrue(ids.add(row.messageId()), "message ids are unique: " + row.messageId());
            }
            assertEquals(rows.size(), r.rowsRead(), "every row parses");
        }
        assertTrue(rows.size() > 10_000, "rows: " + rows.size());
        for (int i = 1; i < rows.size(); i++)
            assertFalse(rows.get(i).timestamp() < rows.get(i - 1).timestamp(), "sorted by time at line " + rows.get(i).line());
        assertEquals(Set.of(MessageKind.values()), kinds, "every kind of row occurs");
        long first = FROM.atStartOfDay(java.time.ZoneOffset.ofHours(14)).toInstant().toEpochMilli();
        long end = TO.plusDays(1).atStartOfDay(java.time.ZoneOffset.ofHours(-12)).toInstant().toEpochMilli();
        assertTrue(rows.get(0).timestamp() >= first && rows.get(rows.size() - 1).timestamp() < end, "rows stay within the days asked");
    }

    @Test
    void theSameSeedGivesTheSameBytesAndAnotherSeedOthers() throws Exception {
        TrafficModel model = TrafficTestModels.known();
        byte[] a = TrafficTestModels.csv(model, FROM, TO, 0.3, 42);
        byte[] b = TrafficTestModels.csv(model, FROM, TO, 0.3, 42);
        byte[] c = TrafficTestModels.csv(model, FROM, TO, 0.3, 43);
        assertArrayEquals(a, b);
        assertNotEquals(new String(a, 0, 4000), new String(c, 0, 4000));
    }

    @Test
    void memoryHoldsAboutADayOfTrafficNotTheWholeLog() throws Exception {
        TrafficModel model = TrafficTestModels.known();
        TrafficGenerator g = new TrafficGenerator(model, new TrafficGenerator.Plan(FROM, FROM.plusDays(41), 0.5, 0, 1));
        long rows = g.run(r -> { });
        double perDay = rows / 42.0;
        assertTrue(g.peakHeld() < 2.5 * perDay, "held at most " + g.peakHeld() + " events for " + Math.round(perDay) + " rows a day");
    }

    @Test
    void growthCompoundsPerMonthAndScaleMultipliesCustomers() throws Exception {
        TrafficModel model = TrafficTestModels.known();
        TrafficGenerator g = new TrafficGenerator(model, new TrafficGenerator.Plan(FROM, FROM.plusMonths(3), 2, 0.1, 1));
        assertEquals(12_000, g.activeCustomers(0, FROM.plusDays(20)));
        assertEquals(13_200, g.activeCustomers(0, FROM.plusMonths(1)));
        assertEquals(Math.round(12_000 * 1.21), g.activeCustomers(0, FROM.plusMonths(2).plusDays(5)));
    }

    @Test
    void rowsHandedToThePricingModelAreThoseTheLogReaderReadsBack(@TempDir Path dir) throws Exception {
        TrafficModel model = TrafficPresets.load("support-heavy-gb", TrafficTestModels.markets());
        Path file = dir.resolve("log.csv");
        Files.write(file, TrafficTestModels.csv(model, FROM, FROM.plusDays(3), 0.2, 9));
        List<LogRow> direct = new ArrayList<>();
        new TrafficGenerator(model, new TrafficGenerator.Plan(FROM, FROM.plusDays(3), 0.2, 0, 9))
                .run(new LogRowSink(file.toString(), model, direct::add));
        try (LogReader r = new LogReader(file, 0, RowErrorHandler.STOP)) {
            for (LogRow expected : direct) assertEquals(r.next(), expected);
            assertEquals(null, r.next());
        }
    }

    /** Runs sharing a thread's number strings hand the pricing model the same rows as runs with their own. */
    @Test
    void runsSharingNumberStringsGiveTheSameRows() throws Exception {
        TrafficModel model = TrafficPresets.load("multi-market-global", TrafficTestModels.markets());
        LogRowSink.NumberCache shared = new LogRowSink.NumberCache();
        for (long seed = 1; seed <= 3; seed++) {
            List<LogRow> own = new ArrayList<>(), fromCache = new ArrayList<>();
            new TrafficGenerator(model, new TrafficGenerator.Plan(FROM, FROM.plusDays(2), 0.2, 0, seed))
                    .run(new LogRowSink("run", model, own::add));
            new TrafficGenerator(model, new TrafficGenerator.Plan(FROM, FROM.plusDays(2), 0.2, 0, seed))
                    .run(new LogRowSink("run", model, fromCache::add, shared));
            assertEquals(own, fromCache);
        }
        // Another model whose first market has another prefix: its numbers, not the cached ones.
        MarketTraffic first = model.markets().get(0);
        MarketTraffic moved = new MarketTraffic(first.market(), first.numberPrefix() + "7", first.numberLength() + 1, first.zone(),
                first.customers(), first.hourly(), first.weekly(), first.sessions(), first.marketing(), first.utility(),
                first.authentication(), first.delivery());
        List<MarketTraffic> markets = new ArrayList<>(model.markets());
        markets.set(0, moved);
        TrafficModel other = new TrafficModel(model.businesses(), model.account(), markets);
        List<LogRow> own = new ArrayList<>(), fromCache = new ArrayList<>();
        new TrafficGenerator(other, new TrafficGenerator.Plan(FROM, FROM.plusDays(1), 0.2, 0, 4)).run(new LogRowSink("run", other, own::add));
        new TrafficGenerator(other, new TrafficGenerator.Plan(FROM, FROM.plusDays(1), 0.2, 0, 4))
                .run(new LogRowSink("run", other, fromCache::add, shared));
        assertEquals(own, fromCache);
    }

    @Test
    void customerNumbersAreUniqueAndStable() {
        CustomerNumbers n = new CustomerNumbers("55119", 13, 0);
        Set<String> seen = new HashSet<>();
        for (long i = 0; i < 50_000; i++) assertTrue(seen.add(n.number(i)));
        assertEquals(n.number(12_345), new CustomerNumbers("55119", 13, 0).number(12_345));
        assertEquals(13, n.number(7).length());
    }
}
