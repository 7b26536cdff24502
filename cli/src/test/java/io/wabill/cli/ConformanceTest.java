package io.wabill.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every conformance scenario (copied from shared/conformance) through {@code wabill simulate}, exactly
 * as a user would, and checks every expectation of every row against the ledger.
 */
class ConformanceTest {
    static Path folder() throws URISyntaxException {
        return Path.of(ConformanceTest.class.getResource("/conformance").toURI());
    }

    static Stream<Path> scenarios() throws Exception {
        try (Stream<Path> s = Files.list(folder())) {
            List<Path> files = s.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
            assertTrue(files.size() >= 18, "the conformance folder lost scenarios: " + files.size());
            return files.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void everyExpectationOfTheScenarioHolds(Path scenario, @TempDir Path work) throws Exception {
        List<CsvTable.Row> ledger = simulate(scenario, work);
        Map<String, CsvTable.Row> byId = new HashMap<>();
        Map<String, CsvTable.Row> inbound = new HashMap<>();
        for (CsvTable.Row r : ledger) {
            if (r.get("direction").equals("inbound")) inbound.put(r.get("timestamp") + "|" + r.get("customer"), r);
            else assertEquals(null, byId.put(r.get("message_id"), r), "one ledger row per message: " + r.get("message_id"));
        }
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (CsvTable.Row expected : CsvTable.read(scenario)) {
            CsvTable.Row actual;
            if (expected.get("direction").equals("inbound")) {
                String ts = java.time.Instant.ofEpochMilli(io.wabill.data.log.Timestamps.parse(expected.get("timestamp"))).toString();
                actual = inbound.get(ts + "|" + expected.get("customer"));
            } else {
                actual = byId.get(expected.get("message_id"));
            }
            String where = scenario.getFileName() + ":" + expected.line() + " " + expected.get("message_id");
            if (actual == null) {
                failures.add(where + ": no ledger row");
                continue;
            }
            checked += check(where, "pricing_type", expected.get("expect_pricing_type"), actual.get("pricing_type"), failures);
            checked += check(where, "billable_category", expected.get("expect_billable_category"), actual.get("billable_category"), failures);
            checked += check(where, "market", expected.get("expect_market"), actual.get("market"), failures);
            String note = expected.get("expect_note");
            if (!note.isEmpty()) {
                checked++;
                if (!actual.get("note").contains(note))
                    failures.add(where + ": note expected to contain '" + note + "' but was '" + actual.get("note") + "'");
            }
            String amount = expected.get("expect_amount");
            if (!amount.isEmpty()) {
                checked++;
                if (new BigDecimal(amount).compareTo(new BigDecimal(actual.get("amount"))) != 0)
                    failures.add(where + ": amount expected " + amount + " but was " + actual.get("amount")
                            + " (" + actual.get("pricing_type") + ", note " + actual.get("note") + ")");
            }
        }
        if (!failures.isEmpty()) fail(failures.size() + " expectation(s) failed:\n  " + String.join("\n  ", failures));
        assertTrue(checked > 0, "a scenario must check something");
    }

    private static int check(String where, String column, String expected, String actual, List<String> failures) {
        if (expected.isEmpty()) return 0;
        if (!expected.equals(actual)) failures.add(where + ": " + column + " expected " + expected + " but was " + actual);
        return 1;
    }

    static List<CsvTable.Row> simulate(Path scenario, Path work) throws Exception {
        ScenarioFile s = new ScenarioFile(scenario);
        Path out = work.resolve("out");
        StringWriter stdout = new StringWriter(), stderr = new StringWriter();
        int code = Main.run(s.simulateArgs(work, out).toArray(new String[0]), new PrintWriter(stdout), new PrintWriter(stderr));
        assertEquals(0, code, "simulate failed:\n" + stderr + stdout);
        return CsvTable.read(out.resolve("ledger.csv"));
    }
}
