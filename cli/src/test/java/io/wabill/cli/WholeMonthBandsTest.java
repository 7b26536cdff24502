package io.wabill.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** NBP whole-month bands (A3) through the command line, whose first pass counts each month's templates. */
class WholeMonthBandsTest {
    @TempDir Path work;

    @ParameterizedTest(name = "sorted log: {0}")
    @ValueSource(booleans = {true, false})
    void everyTemplateOfTheMonthTakesTheBandTheMonthReaches(boolean sorted) throws Exception {
        Path rates = Files.createDirectories(work.resolve("rates"));
        Files.writeString(rates.resolve("meta-rates-USD-2020-01-01.csv"), "market,currency,category,tier_from,tier_to,rate\n"
                + "Brazil,USD,notification,1,3,0.0070\nBrazil,USD,notification,4,,0.0060\n");
        List<String> rows = List.of(
                "2021-09-06T00:00:00Z,n1,15550001111,5511987600001,outbound,template,utility",
                "2021-09-07T00:00:00Z,n2,15550001111,5511987600002,outbound,template,utility",
                "2021-09-08T00:00:00Z,n3,15550001111,5511987600003,outbound,template,utility",
                "2021-10-01T00:00:00Z,n4,15550001111,5511987600001,outbound,template,utility");
        List<String> order = sorted ? rows : List.of(rows.get(1), rows.get(2), rows.get(0), rows.get(3));
        Path log = work.resolve("log.csv");
        Files.writeString(log, "timestamp,message_id,business,customer,direction,kind,category\n" + String.join("\n", order) + "\n");
        Path out = work.resolve("out");
        CliRun r = CliRun.simulate(List.of(log), out, "--rates", rates.toString(), "--nbp-bands", "WHOLE_MONTH");
        assertEquals(0, r.exitCode(), r.describe());
        List<String> amounts = CsvTable.read(out.resolve("ledger.csv")).stream().map(l -> l.get("message_id") + "=" + l.get("amount")).toList();
        assertEquals(List.of("n1=0.0070", "n2=0.0070", "n3=0.0070", "n4=0.0070"), amounts,
                "September has 3 templates, all in band 1-3; October has one");
    }

    @org.junit.jupiter.api.Test
    void theBandIsTheOneTheMonthsFinalCountReachesEvenForItsFirstTemplates() throws Exception {
        // A3 whole-month, retroactive: September's fourth template takes the month into band 4+, so its first three
        // are priced at that band too, not at band 1-3 as the running count would have them.
        Path rates = Files.createDirectories(work.resolve("rates4"));
        Files.writeString(rates.resolve("meta-rates-USD-2020-01-01.csv"), "market,currency,category,tier_from,tier_to,rate\n"
                + "Brazil,USD,notification,1,3,0.0070\nBrazil,USD,notification,4,,0.0060\n");
        Path log = work.resolve("log4.csv");
        Files.writeString(log, "timestamp,message_id,business,customer,direction,kind,category\n"
                + "2021-09-06T00:00:00Z,n1,15550001111,5511987600001,outbound,template,utility\n"
                + "2021-09-07T00:00:00Z,n2,15550001111,5511987600002,outbound,template,utility\n"
                + "2021-09-08T00:00:00Z,n3,15550001111,5511987600003,outbound,template,utility\n"
                + "2021-09-09T00:00:00Z,n4,15550001111,5511987600004,outbound,template,utility\n");
        Path out = work.resolve("out4");
        CliRun r = CliRun.simulate(List.of(log), out, "--rates", rates.toString(), "--nbp-bands", "WHOLE_MONTH");
        assertEquals(0, r.exitCode(), r.describe());
        List<String> amounts = CsvTable.read(out.resolve("ledger.csv")).stream().map(l -> l.get("message_id") + "=" + l.get("amount")).toList();
        assertEquals(List.of("n1=0.0060", "n2=0.0060", "n3=0.0060", "n4=0.0060"), amounts);
    }
}
