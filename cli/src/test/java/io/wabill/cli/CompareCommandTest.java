package io.wabill.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wabill.data.samples.DemoLog;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CompareCommandTest {
    static int run(List<String> args, StringWriter out) {
        StringWriter err = new StringWriter();
        int code = Main.run(args.toArray(new String[0]), new PrintWriter(out), new PrintWriter(err));
        assertEquals(0, code, "wabill failed:\n" + err + out);
        return code;
    }

    static java.util.stream.Stream<Path> scenarios() throws Exception { return ConformanceTest.scenarios(); }

    /** The ledger file of a strategy under a regime: {@code ledger-N.csv}, N its rank in scenarios.csv. */
    static Path ledgerOf(Path out, String strategy, String regime) throws Exception {
        for (CsvTable.Row r : CsvTable.read(out.resolve("scenarios.csv")))
            if (r.get("strategy").equals(strategy) && r.get("regime").equals(regime))
                return out.resolve("ledger-" + r.get("rank") + ".csv");
        throw new AssertionError("no " + strategy + " under " + regime + " in " + out.resolve("scenarios.csv"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void asLoggedInCompareEqualsSimulateToTheByte(Path scenario, @TempDir Path work) throws Exception {
        ScenarioFile s = new ScenarioFile(scenario);
        Path sim = work.resolve("sim"), cmp = work.resolve("cmp");
        run(s.simulateArgs(work, sim), new StringWriter());
        List<String> args = new ArrayList<>(s.simulateArgs(work, cmp));
        args.set(0, "compare");
        args.addAll(List.of("--ledgers", "--strategy", "conversation-first"));
        run(args, new StringWriter());
        assertArrayEquals(Files.readAllBytes(sim.resolve("ledger.csv")), Files.readAllBytes(ledgerOf(cmp, "as-logged", "timeline")));
    }

    @Test
    void compareOnTheDemoLogRanksEveryStrategyAndRepeatsItselfByteForByte(@TempDir Path work) throws Exception {
        Path log = work.resolve("demo.csv.gz");
        DemoLog.write(log);
        List<String> common = List.of(log.toString(), "--time-zone", "America/Sao_Paulo", "--quiet", "--ledgers",
                "--strategy", "conversation-first:defer=12h", "--strategy", "notification-first",
                "--strategy", "window-aware-utility", "--strategy", "reclassify:p=0.2,seed=3",
                "--strategy", "quiet-hours", "--strategy", "quiet-hours;conversation-first");
        StringWriter first = new StringWriter();
        List<String> a = new ArrayList<>(List.of("compare"));
        a.addAll(common);
        a.addAll(List.of("--out", work.resolve("one").toString()));
        run(a, first);
        List<String> b = new ArrayList<>(List.of("compare"));
        b.addAll(common);
        b.addAll(List.of("--out", work.resolve("two").toString()));
        run(b, new StringWriter());
        for (String f : List.of("comparison.csv", "scenarios.csv", "ledger-1.csv", "ledger-3.csv", "ledger-7.csv"))
            assertArrayEquals(Files.readAllBytes(work.resolve("one").resolve(f)), Files.readAllBytes(work.resolve("two").resolve(f)), f);
        List<String> ranking = Files.readAllLines(work.resolve("one").resolve("scenarios.csv"));
        assertEquals(8, ranking.size(), "header and seven scenarios: " + ranking);
        assertTrue(first.toString().contains("baseline"), first.toString());

        Path sim = work.resolve("sim");
        run(List.of("simulate", log.toString(), "--time-zone", "America/Sao_Paulo", "--quiet", "--out", sim.toString()),
                new StringWriter());
        assertArrayEquals(Files.readAllBytes(sim.resolve("ledger.csv")),
                Files.readAllBytes(ledgerOf(work.resolve("one"), "as-logged", "timeline")));
    }

    @Test
    void compareWritesItsChartAndAWellFormedReportWithEverySection(@TempDir Path work) throws Exception {
        Path scenario = ConformanceTest.folder().resolve("pmp_free_entry_point.csv");
        Path out = work.resolve("out");
        run(List.of("compare", scenario.toString(), "--rates", ConformanceTest.folder().resolve("rates").toString(), "--quiet",
                "--strategy", "conversation-first", "--out", out.toString(), "--charts", out.resolve("charts").toString(),
                "--report", out.toString()), new StringWriter());
        assertTrue(Files.size(out.resolve("charts/comparison.png")) > 1000);
        var doc = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(out.resolve("report.html").toFile());
        List<String> ids = new ArrayList<>();
        var sections = doc.getElementsByTagName("section");
        for (int i = 0; i < sections.getLength(); i++) ids.add(((org.w3c.dom.Element) sections.item(i)).getAttribute("id"));
        assertEquals(List.of("overview", "ranking", "months", "accounting", "inputs"), ids);
    }

    @Test
    void focusIsRefusedByCompareWithAPointerToSimulate(@TempDir Path work) throws Exception {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.run(new String[] {"compare", ConformanceTest.folder().resolve("pmp_markets.csv").toString(),
            "--focus", work.resolve("f.csv").toString(), "--out", work.toString()}, new PrintWriter(out), new PrintWriter(err));
        assertEquals(ExitCodes.USAGE, code);
        assertTrue(err.toString().contains("simulate"), err.toString());
    }

    @Test
    void anUnknownStrategyIsAUsageErrorThatNamesTheKnownOnes(@TempDir Path work) throws Exception {
        Path log = work.resolve("log.csv");
        Files.writeString(log, "timestamp,business,customer,direction,kind\n2025-08-01T00:00:00Z,1555,5511987600001,inbound,message\n");
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.run(new String[] {"compare", log.toString(), "--strategy", "cheapest", "--out", work.toString()},
                new PrintWriter(out), new PrintWriter(err));
        assertEquals(ExitCodes.USAGE, code);
        assertTrue(err.toString().contains("unknown strategy 'cheapest'") && err.toString().contains("conversation-first"), err.toString());
    }
}
