package io.wabill.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Amounts are exact 10^-8 units in a long (92,233,720,368.54775807 at most). A total past that, in any table of any
 * command, is one line and exit 1 with nothing published, never a wrapped number or a stack trace; a fitted row
 * the traffic model cannot hold is a bad row of the fitted log.
 */
class AmountOverflowTest {
    static final String TOO_MUCH = "more than 92,233,720,368.54775807, the most an exact amount of wabill holds";
    static final String HEADER = "timestamp,message_id,business,customer,direction,kind,category,tokens";

    @TempDir Path work;

    /** Agent replies of {@code tokens} each (at the built-in USD 2.00 per million), one a day from 2026-10-01. */
    private Path agentLog(String name, int replies, long tokens, int daysApart) throws IOException {
        List<String> rows = new ArrayList<>(List.of(HEADER));
        Instant t = Instant.parse("2026-10-01T09:00:00Z");
        for (int i = 0; i < replies; i++) {
            String customer = "55119876" + String.format("%05d", i % 5);
            rows.add(t + ",," + "5511940000001," + customer + ",inbound,message,,");
            rows.add(t.plusSeconds(60) + ",a" + i + ",5511940000001," + customer + ",outbound,agent,," + tokens);
            t = t.plusSeconds(86_400L * daysApart + 600);
        }
        return Files.writeString(work.resolve(name), String.join("\n", rows) + "\n", StandardCharsets.UTF_8);
    }

    private static void assertOverflow(CliRun r) {
        assertEquals(1, r.exitCode(), r.describe());
        assertTrue(r.err().contains(TOO_MUCH), r.err());
        assertFalse(r.err().contains("internal error") || r.err().contains("\tat "), r.err());
    }

    @Test
    void simulateStopsWithOneLineAndPublishesNothingWhenACellPassesTheBound() throws Exception {
        // 40,000,000,000,000,000 tokens at 2.00 per million: 80,000,000,000.00 a message, two in one summary cell.
        Path log = agentLog("agent.csv", 2, 40_000_000_000_000_000L, 0);
        for (String[] extra : List.of(new String[0], new String[] {"--threads", "1"}, new String[] {"--on-error", "skip"},
                new String[] {"--no-ledger", "--report", work.resolve("rep").toString(), "--focus", work.resolve("focus.csv").toString()})) {
            Path out = work.resolve("out");
            CliRun r = CliRun.simulate(List.of(log), out, extra);
            assertOverflow(r);
            assertTrue(r.err().contains("amounts of 80000000000.00 and 80000000000.00 add up to"), r.err());
            assertFalse(Files.exists(out.resolve("run.json")) || Files.exists(out.resolve("summary.csv")), "nothing published");
        }
    }

    @Test
    void aGrandTotalPastTheBoundStopsTheRunEvenWhenEveryCellFits() throws Exception {
        // One reply in October, one in November: two summary cells of 80,000,000,000.00, but the currency's total passes.
        Path log = agentLog("months.csv", 2, 40_000_000_000_000_000L, 40);
        CliRun r = CliRun.simulate(List.of(log), work.resolve("out"));
        assertOverflow(r);
        // Under the bound the same log prices exactly.
        Path half = agentLog("half.csv", 2, 20_000_000_000_000_000L, 40);
        CliRun ok = CliRun.simulate(List.of(half), work.resolve("ok"));
        assertEquals(0, ok.exitCode(), ok.describe());
        assertTrue(Files.readString(work.resolve("ok/summary.csv")).contains("40000000000.0000"));
    }

    @Test
    void compareStopsWithOneLine() throws Exception {
        Path log = agentLog("agent.csv", 2, 40_000_000_000_000_000L, 0);
        CliRun r = CliRun.of("compare", log.toString(), "--strategy", "reclassify:p=0.1", "--out", work.resolve("cmp").toString(), "-q");
        assertOverflow(r);
        assertFalse(Files.exists(work.resolve("cmp/run.json")));
    }

    @Test
    void aQuoteAtTheRateCapStopsPastTheBoundAndIsExactBelowIt() throws Exception {
        Path cards = Files.createDirectories(work.resolve("cards"));
        Files.writeString(cards.resolve("meta-rates-USD-2020-01-01.csv"),
                "market,currency,category,tier_from,tier_to,rate\nBrazil,USD,marketing,1,,100000\n");
        CliRun over = CliRun.of("quote", "--month", "2026-11", "--rates", cards.toString(), "--volume", "Brazil:marketing=1000000",
                "--out", work.resolve("q1").toString());
        assertOverflow(over);
        assertTrue(over.err().contains("1000000 messages at 100000.00 come to"), over.err());
        assertFalse(Files.exists(work.resolve("q1/quote.csv")));
        CliRun under = CliRun.of("quote", "--month", "2026-11", "--rates", cards.toString(), "--volume", "Brazil:marketing=900000",
                "--out", work.resolve("q2").toString());
        assertEquals(0, under.exitCode(), under.describe());
        assertTrue(Files.readString(work.resolve("q2/quote.csv")).contains("90000000000"), Files.readString(work.resolve("q2/quote.csv")));
    }

    @Test
    void aForecastWhoseRunsPassTheBoundStopsWithOneLine() throws Exception {
        // Ten million tokens a reply (the most a model holds) at 1,000,000,000 per million tokens: 10,000,000,000 a reply.
        Path log = agentLog("fit.csv", 14, 10_000_000, 1);
        CliRun r = CliRun.of("forecast", "--fit", log.toString(), "--months", "1", "--runs", "2", "--agent-rate", "USD=1000000000",
                "--out", work.resolve("fc").toString(), "-q");
        assertOverflow(r);
        assertFalse(Files.exists(work.resolve("fc/forecast.csv")));
    }

    @Test
    void aFittedRowTheTrafficModelCannotHoldIsABadRowOfTheFittedLog() throws Exception {
        Path log = agentLog("huge.csv", 2, 40_000_000_000_000_000L, 0);
        CliRun stop = CliRun.of("forecast", "--fit", log.toString(), "--months", "1", "--runs", "1", "--out", work.resolve("f1").toString(), "-q");
        assertEquals(1, stop.exitCode(), stop.describe());
        assertTrue(stop.err().contains("huge.csv:3 column tokens value '40000000000000000': a traffic model holds agent messages of at most "
                + "10,000,000 tokens"), stop.err());
        CliRun skip = CliRun.of("forecast", "--fit", log.toString(), "--months", "1", "--runs", "1", "--on-error", "skip",
                "--out", work.resolve("f2").toString(), "-q");
        assertEquals(0, skip.exitCode(), skip.describe());
        var rows = new ObjectMapper().readTree(work.resolve("f2/run.json").toFile()).get("rows");
        assertEquals(2, rows.get("fit_rows_skipped").asLong(), rows.toString());
        assertFalse(Files.readString(work.resolve("f2/forecast.csv")).contains(",-"), "no negative spend from wrapped tokens");
    }
}
