package io.wabill.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The cases of issue 12 on the input side, end to end: values the model cannot hold are input errors naming the
 * row (skippable), option values it cannot hold are refused with exit 2, any local year charts, and a malformed
 * market map or accounts file is one line naming the file, never a stack trace.
 */
class InputCasesTest {
    static final String HEADER = "timestamp,message_id,business,customer,direction,kind,category,entry_point,status,delivered_at,template,tokens\n";
    @TempDir Path dir;

    private Path log(String rows) throws Exception {
        Path f = dir.resolve("log.csv");
        Files.writeString(f, HEADER + rows);
        return f;
    }

    private static void noStackTrace(CliRun r) {
        assertFalse(r.err().contains("\tat ") || r.err().contains("internal error"), r.describe());
    }

    @Test
    void tokensWhoseCostOverflowsAreARowErrorThatCanBeSkipped() throws Exception {
        Path f = log("2026-08-03T03:05:46Z,,5511940000002,5511938823948,inbound,message,,,,,,\n"
                + "2026-08-03T03:06:01Z,wamid.x1,5511940000002,5511938823948,outbound,agent,,,read,,,9223372036854775807\n"
                + "2026-08-03T03:07:01Z,wamid.x2,5511940000002,5511938823948,outbound,agent,,,read,,,1500\n");
        CliRun stop = CliRun.simulate(List.of(f), dir.resolve("a"));
        assertEquals(ExitCodes.BAD_INPUT, stop.exitCode(), stop.describe());
        assertTrue(stop.err().contains("log.csv:3") && stop.err().contains("tokens"), stop.describe());
        noStackTrace(stop);
        CliRun skip = CliRun.simulate(List.of(f), dir.resolve("b"), "--on-error", "skip");
        assertEquals(ExitCodes.OK, skip.exitCode(), skip.describe());
        assertTrue(Files.readString(dir.resolve("b/errors.csv")).contains("tokens"));
    }

    @Test
    void anInstantPastTheYear9999IsARowErrorThatCanBeSkipped() throws Exception {
        Path f = log("2026-08-03T03:06:01Z,wamid.a,5511940000002,5511938823948,outbound,template,utility,,read,,t,\n"
                + "+999999999-12-31T23:59:59Z,wamid.b,5511940000002,5511938823948,outbound,template,utility,,read,,t,\n");
        CliRun stop = CliRun.simulate(List.of(f), dir.resolve("a"));
        assertEquals(ExitCodes.BAD_INPUT, stop.exitCode(), stop.describe());
        assertTrue(stop.err().contains("log.csv:3") && stop.err().contains("0001 to 9999"), stop.describe());
        noStackTrace(stop);
        CliRun skip = CliRun.simulate(List.of(f), dir.resolve("b"), "--on-error", "skip");
        assertEquals(ExitCodes.OK, skip.exitCode(), skip.describe());
    }

    @Test
    void aLocalYearPast9999IsChartedAndItsCellsNeutralized() throws Exception {
        Path f = log("9999-12-31T23:00:05Z,wamid.y1,5511940000002,5511938823948,outbound,template,marketing,,read,,promo,\n");
        Path out = dir.resolve("out");
        CliRun r = CliRun.simulate(List.of(f), out, "--time-zone", "Pacific/Kiritimati", "--charts", out.resolve("charts").toString(),
                "--report", out.resolve("report").toString(), "--focus", out.resolve("focus.csv").toString());
        assertEquals(ExitCodes.OK, r.exitCode(), r.describe());
        assertTrue(Files.exists(out.resolve("charts/daily-cost.png")));
        for (String name : List.of("daily.csv", "summary.csv", "tiers.csv", "focus.csv"))
            for (String line : Files.readAllLines(out.resolve(name)))
                assertFalse(line.startsWith("+") || line.contains(",+"), name + ": " + line);
    }

    @ParameterizedTest
    @ValueSource(strings = {"simulate LOG --out OUT --status-horizon 0s", "simulate LOG --out OUT --fep-window 0h",
        "simulate LOG --out OUT --fep-window PT-1H", "simulate LOG --out OUT --status-horizon 99999999999d",
        "import webhooks LOG --out OUT/x.csv --join-window 0s", "forecast --scenario ecommerce-br --months 2 --start 9999-12-01 --out OUT",
        "generate --scenario ecommerce-br --from 9999-12-31 --to 9999-12-31 --out OUT/g.csv",
        "generate --scenario ecommerce-br --from 0000-01-01 --to 0000-01-02 --out OUT/g.csv",
        "simulate LOG --out OUT --auth-international-from 10000-01-01"})
    void optionValuesTheModelCannotHoldAreUsageErrors(String line) throws Exception {
        Path f = log("2026-08-03T03:06:01Z,wamid.a,5511940000002,5511938823948,outbound,template,utility,,read,,t,\n");
        String[] args = line.replace("LOG", f.toString()).replace("OUT", dir.resolve("o").toString()).split(" ");
        CliRun r = CliRun.of(args);
        assertEquals(ExitCodes.USAGE, r.exitCode(), r.describe());
        noStackTrace(r);
    }

    @Test
    void aMarketMapWithAnUnbalancedQuoteIsOneLineNamingTheFile() throws Exception {
        Path rates = Files.createDirectories(dir.resolve("rates"));
        Files.writeString(rates.resolve("meta-rates-USD-2026-10-01.csv"), "market,currency,category,tier_from,tier_to,rate\nBrazil,USD,marketing,1,,0.0625\n");
        Files.writeString(rates.resolve("markets.csv"), "market,country_name,iso2,calling_code,valid_from,valid_to\nBrazil,\"Brazil,BR,55,,\n");
        CliRun r = CliRun.of("rates", "validate", rates.toString());
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.describe());
        assertTrue(r.err().contains("markets.csv:2") && r.err().contains("never closed"), r.describe());
        noStackTrace(r);
    }

    @Test
    void anAccountsFileWithAnUnbalancedQuoteIsOneLineNamingTheFile() throws Exception {
        Path f = log("2026-08-03T03:06:01Z,wamid.a,5511940000002,5511938823948,outbound,template,utility,,read,,t,\n");
        Path accounts = dir.resolve("accounts.csv");
        Files.writeString(accounts, "account,time_zone\ndefault,\"UTC\n");
        CliRun r = CliRun.simulate(List.of(f), dir.resolve("a"), "--accounts", accounts.toString());
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.describe());
        assertTrue(r.err().contains("accounts.csv:2"), r.describe());
        noStackTrace(r);
    }
}
