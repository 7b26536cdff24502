package io.wabill.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wabill.data.samples.DemoLog;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code compare} on the demo log: every delta against as-logged under the same rules, what-if rules added to the
 * rules in force, losses a strategy causes shown next to the money, and ledger-N.csv the scenario ranked N.
 */
class FairComparisonTest {
    @TempDir static Path work;
    static Path log;

    @BeforeAll
    static void demoLog() throws Exception {
        log = work.resolve("demo.csv.gz");
        DemoLog.write(log);
    }

    private static List<CsvTable.Row> compare(String out, String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("compare", log.toString(), "--time-zone", "America/Sao_Paulo",
                "--quiet", "--out", work.resolve(out).toString()));
        args.addAll(List.of(extra));
        CliRun r = CliRun.of(args.toArray(new String[0]));
        assertEquals(0, r.exitCode(), r.describe());
        return CsvTable.read(work.resolve(out).resolve("scenarios.csv"));
    }

    private static BigDecimal simulatedTotal(String out, String... extra) throws Exception {
        CliRun r = CliRun.simulate(List.of(log), work.resolve(out), extra);
        assertEquals(0, r.exitCode(), r.describe());
        BigDecimal total = BigDecimal.ZERO;
        for (CsvTable.Row row : CsvTable.read(work.resolve(out).resolve("summary.csv")))
            total = total.add(new BigDecimal(row.get("amount")));
        return total;
    }

    private static BigDecimal ledgerTotal(Path ledger) throws Exception {
        BigDecimal total = BigDecimal.ZERO;
        for (CsvTable.Row row : CsvTable.read(ledger))
            if (!row.get("amount").isEmpty()) total = total.add(new BigDecimal(row.get("amount")));
        return total;
    }

    private static CsvTable.Row row(List<CsvTable.Row> rows, String strategyPrefix, String regime) {
        return rows.stream().filter(r -> r.get("strategy").startsWith(strategyPrefix) && r.get("regime").equals(regime))
                .findFirst().orElseThrow(() -> new AssertionError(strategyPrefix + " | " + regime + " in " + rows));
    }

    @Test
    void underAForcedRegimeEveryScenarioIsPricedUnderItAndTheStrategyIsTheSavingItIs() throws Exception {
        List<CsvTable.Row> rows = compare("pmp26", "--strategy", "conversation-first:defer=12h", "--regime", "PMP-26");
        assertEquals(2, rows.size(), "as-logged and the strategy, both under PMP-26: " + rows);
        CsvTable.Row base = row(rows, "as-logged", "PMP-26"), cf = row(rows, "conversation-first", "PMP-26");
        BigDecimal simulated = simulatedTotal("sim-pmp26", "--time-zone", "America/Sao_Paulo", "--regime", "PMP-26");
        assertEquals(0, simulated.compareTo(new BigDecimal(base.get("total"))), "the baseline is simulate --regime PMP-26");
        assertEquals(0, new BigDecimal(cf.get("baseline_total")).compareTo(simulated));
        BigDecimal delta = new BigDecimal(cf.get("delta"));
        assertEquals(0, delta.compareTo(new BigDecimal(cf.get("total")).subtract(simulated)));
        assertTrue(delta.signum() < 0, "conversation-first saves money under PMP-26: " + cf.cells());
        assertEquals("1", cf.get("rank"));
    }

    @Test
    void whatIfRegimesAddToTheRulesInForceAndEachRowHasItsOwnBaseline() throws Exception {
        List<CsvTable.Row> rows = compare("whatif", "--strategy", "reclassify:p=1", "--what-if-regime", "PMP-26", "--ledgers");
        assertEquals(4, rows.size(), rows.toString());
        for (String regime : List.of("timeline", "PMP-26")) {
            CsvTable.Row base = row(rows, "as-logged", regime), re = row(rows, "reclassify", regime);
            assertEquals(base.get("total"), re.get("baseline_total"), regime);
            assertEquals(0, new BigDecimal(re.get("delta")).compareTo(
                    new BigDecimal(re.get("total")).subtract(new BigDecimal(base.get("total")))), regime);
            // Every utility template to a US number became a blocked marketing one (G8): lost, and said so.
            long refusedInLedger = CsvTable.read(work.resolve("whatif").resolve("ledger-" + re.get("rank") + ".csv")).stream()
                    .filter(r -> r.get("note").endsWith("dropped: refused only because of the strategy")).count();
            assertTrue(refusedInLedger > 0, "the demo log has utility templates to US numbers");
            assertEquals(Long.toString(refusedInLedger), re.get("dropped"), regime);
            assertEquals(re.get("dropped"), re.get("refused"), regime);
        }
        assertEquals(0, simulatedTotal("sim-timeline", "--time-zone", "America/Sao_Paulo")
                .compareTo(new BigDecimal(row(rows, "as-logged", "timeline").get("total"))));
        // ledger-N.csv is the scenario ranked N: its amounts add up to that row's total.
        Map<String, String> totals = new HashMap<>();
        for (CsvTable.Row r : rows) totals.put(r.get("rank"), r.get("total"));
        for (var e : totals.entrySet())
            assertEquals(0, ledgerTotal(work.resolve("whatif").resolve("ledger-" + e.getKey() + ".csv"))
                    .compareTo(new BigDecimal(e.getValue())), "ledger-" + e.getKey());
        // templates.csv: each scenario's spend per template, by rank, adding up to its ledger's template rows.
        Map<String, BigDecimal> byRank = new HashMap<>();
        for (CsvTable.Row t : CsvTable.read(work.resolve("whatif").resolve("templates.csv")))
            byRank.merge(t.get("rank"), new BigDecimal(t.get("amount")), BigDecimal::add);
        for (String rank : totals.keySet()) {
            BigDecimal templates = BigDecimal.ZERO;
            for (CsvTable.Row l : CsvTable.read(work.resolve("whatif").resolve("ledger-" + rank + ".csv")))
                if (l.get("kind").equals("template") && l.get("direction").equals("outbound"))
                    templates = templates.add(new BigDecimal(l.get("amount")));
            assertEquals(0, templates.compareTo(byRank.getOrDefault(rank, BigDecimal.ZERO)), "templates of rank " + rank);
        }
    }

    @Test
    void pendingMessagesArePartOfTheTotalAndShownApart() throws Exception {
        List<CsvTable.Row> rows = compare("pending", "--strategy", "conversation-first:defer=12h", "--ledgers");
        CsvTable.Row cf = row(rows, "conversation-first", "timeline");
        long pending = Long.parseLong(cf.get("pending"));
        assertTrue(pending > 0, "the demo log ends with templates still waiting: " + cf.cells());
        BigDecimal inLedger = BigDecimal.ZERO;
        long rowsInLedger = 0;
        for (CsvTable.Row r : CsvTable.read(work.resolve("pending").resolve("ledger-" + cf.get("rank") + ".csv")))
            if (r.get("note").contains("still held when the log ended")) {
                rowsInLedger++;
                inLedger = inLedger.add(new BigDecimal(r.get("amount")));
            }
        assertEquals(pending, rowsInLedger);
        assertEquals(0, inLedger.compareTo(new BigDecimal(cf.get("pending_amount"))));
    }
}
