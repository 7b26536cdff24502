package io.wabill.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A conformance scenario: a message log whose comment lines configure accounts ({@code # account NAME:
 * key=value …}) and the rate folder ({@code # rates: DIR}), and whose {@code expect_*} columns hold what the
 * ledger must say. This class turns the comments into the command line's own inputs.
 */
final class ScenarioFile {
    final Path file;
    final Map<String, Map<String, String>> accounts = new LinkedHashMap<>();
    Path rates;

    ScenarioFile(Path file) throws IOException {
        this.file = file;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.startsWith("#")) break;
            String body = line.substring(1).trim();
            if (body.startsWith("account ")) {
                int colon = body.indexOf(':');
                String name = body.substring("account ".length(), colon).trim();
                Map<String, String> settings = new LinkedHashMap<>();
                for (String kv : body.substring(colon + 1).trim().split("\\s+")) {
                    if (kv.isEmpty()) continue;
                    int eq = kv.indexOf('=');
                    settings.put(kv.substring(0, eq), kv.substring(eq + 1));
                }
                accounts.put(name, settings);
            } else if (body.startsWith("rates:")) {
                rates = file.getParent().resolve(body.substring("rates:".length()).trim());
            }
        }
    }

    /** The accounts as an accounts.csv in {@code dir}. */
    Path writeAccounts(Path dir) throws IOException {
        List<String> columns = List.of("account", "time_zone", "currency", "business_country", "auth_international_from", "portfolio");
        List<String> lines = new ArrayList<>();
        lines.add(String.join(",", columns));
        for (var a : accounts.entrySet()) {
            List<String> cells = new ArrayList<>();
            cells.add(a.getKey());
            for (String c : columns.subList(1, columns.size())) cells.add(a.getValue().getOrDefault(c, ""));
            lines.add(String.join(",", cells));
        }
        Path out = dir.resolve("accounts.csv");
        Files.write(out, lines, StandardCharsets.UTF_8);
        return out;
    }

    /** The {@code simulate} arguments that run this scenario into {@code out}. */
    List<String> simulateArgs(Path work, Path out) throws IOException {
        List<String> args = new ArrayList<>(List.of("simulate", file.toString(), "--out", out.toString(), "--quiet"));
        if (!accounts.isEmpty()) args.addAll(List.of("--accounts", writeAccounts(work).toString()));
        if (rates != null) args.addAll(List.of("--rates", rates.toString()));
        return args;
    }
}
