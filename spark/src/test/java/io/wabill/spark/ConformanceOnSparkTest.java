package io.wabill.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every conformance scenario (cli's copy of shared/conformance, whose own test checks each expectation against
 * {@code simulate}) priced by the job: the same ledger rows and summary as {@code simulate}.
 */
class ConformanceOnSparkTest {
    static Stream<Path> scenarios() throws IOException {
        Path folder = Path.of("..", "cli", "src", "test", "resources", "conformance");
        try (Stream<Path> s = Files.list(folder)) {
            List<Path> files = s.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
            assertTrue(files.size() >= 18, "the conformance folder lost scenarios: " + files.size());
            return files.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void theJobPricesTheScenarioAsSimulateDoes(Path scenario, @TempDir Path work) throws IOException {
        List<String> inputs = inputs(scenario, work);
        List<String> split = new ArrayList<>(List.of("simulate"));
        split.addAll(inputs);
        split.addAll(List.of("--out", work.resolve("split").toString(), "--format", "csv"));
        Runs.Outcome o = Runs.spark(split);
        if (o.code() != 0) {
            // A scenario whose accounts share a business number (each account its own portfolio) cannot be split by
            // portfolio: the job says so, and prices it in one task when told to.
            assertTrue(o.err().contains("has rows in two portfolios") && o.err().contains("--partitions 1"), o.err());
            Runs.both(work, inputs, "--format", "csv", "--partitions", "1");
        } else {
            Runs.both(work, inputs, "--format", "csv");
        }
        Path w = work.resolve("wabill"), s = work.resolve("spark");
        assertEquals(Runs.wabillLedger(w), Runs.sparkCsvLedger(s, Runs.header(w)), scenario.toString());
        Runs.assertSameTables(w, s);
    }

    /** The scenario's comment lines ({@code # account NAME: k=v …}, {@code # rates: DIR}) as simulate's inputs. */
    private static List<String> inputs(Path scenario, Path work) throws IOException {
        Map<String, Map<String, String>> accounts = new LinkedHashMap<>();
        Path rates = null;
        for (String line : Files.readAllLines(scenario, StandardCharsets.UTF_8)) {
            if (!line.startsWith("#")) break;
            String body = line.substring(1).trim();
            if (body.startsWith("account ")) {
                int colon = body.indexOf(':');
                Map<String, String> settings = new LinkedHashMap<>();
                for (String kv : body.substring(colon + 1).trim().split("\\s+")) {
                    if (kv.isEmpty()) continue;
                    int eq = kv.indexOf('=');
                    settings.put(kv.substring(0, eq), kv.substring(eq + 1));
                }
                accounts.put(body.substring("account ".length(), colon).trim(), settings);
            } else if (body.startsWith("rates:")) {
                rates = scenario.getParent().resolve(body.substring("rates:".length()).trim());
            }
        }
        List<String> args = new ArrayList<>(List.of(scenario.toString()));
        if (!accounts.isEmpty()) {
            List<String> columns = List.of("account", "time_zone", "currency", "business_country", "auth_international_from", "portfolio");
            List<String> lines = new ArrayList<>(List.of(String.join(",", columns)));
            for (var a : accounts.entrySet()) {
                List<String> cells = new ArrayList<>(List.of(a.getKey()));
                for (String c : columns.subList(1, columns.size())) cells.add(a.getValue().getOrDefault(c, ""));
                lines.add(String.join(",", cells));
            }
            Path file = work.resolve("accounts.csv");
            Files.write(file, lines, StandardCharsets.UTF_8);
            args.addAll(List.of("--accounts", file.toString()));
        }
        if (rates != null) args.addAll(List.of("--rates", rates.toString()));
        return args;
    }
}
