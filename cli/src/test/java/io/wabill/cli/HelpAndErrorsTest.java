package io.wabill.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The help and error cases of issue 17: what a person sees when they mistype or ask for help. */
class HelpAndErrorsTest {
    record Run(int code, String out, String err) {
        List<String> errLines() { return err.lines().filter(l -> !l.isBlank()).toList(); }
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void aUsageErrorIsTheErrorAndOneLineOnHowToGetHelp() {
        Run r = run("simulate", "--frobnicate", "x.csv");
        assertEquals(ExitCodes.USAGE, r.code());
        assertEquals(List.of("wabill: Unknown option: '--frobnicate'", "Try 'wabill simulate --help' for more information."),
                r.errLines());
        assertFalse(r.err().contains("Usage:"), "no help page after an error");
    }

    @Test
    void aMisspeltOptionOrCommandGetsASuggestion() {
        Run option = run("simulate", "x.csv", "--regme", "PMP");
        assertTrue(option.err().contains("Did you mean --regime?"), option.err());
        assertEquals(3, option.errLines().size(), option.err());
        Run command = run("simulat", "x.csv");
        assertTrue(command.err().contains("Did you mean simulate?"), command.err());
    }

    @Test
    void misspeltRegimesAndStrategiesGetSuggestions() {
        Run regime = run("simulate", "x.csv", "--regime", "PMP26x");
        assertEquals(ExitCodes.USAGE, regime.code());
        assertTrue(regime.err().contains("did you mean PMP-26?"), regime.err());
        Run strategy = run("compare", "x.csv", "--strategy", "window-aware-utilty");
        assertTrue(strategy.err().contains("did you mean window-aware-utility?"), strategy.err());
    }

    @Test
    void helpTextIsWrappedAtSpacesAndTableRowsHangUnderTheirColumn() {
        List<CommandLine> all = new ArrayList<>();
        collect(Main.commandLine(), all);
        for (CommandLine c : all) {
            c.setUsageHelpWidth(80);
            String help = c.getUsageMessage(CommandLine.Help.Ansi.OFF);
            for (String line : help.lines().toList()) {
                boolean oneLongWord = !line.strip().contains(" ");
                assertTrue(line.length() <= 80 || oneLongWord, c.getCommandName() + ": a line wider than the help: " + line);
            }
        }
        CommandLine compare = Main.commandLine().getSubcommands().get("compare");
        compare.setUsageHelpWidth(80);
        String help = compare.getUsageMessage(CommandLine.Help.Ansi.OFF);
        assertTrue(help.contains("comparison.csv"), "a file name is never split at its dot");
        String table = help.substring(help.indexOf("Strategies ("), help.indexOf("Example:"));
        for (String line : table.lines().skip(1).toList())
            assertTrue(line.isEmpty() || line.startsWith("  "), "the strategy table never wraps to column 0: '" + line + "'");
        assertTrue(table.contains("\n                                             next message"), table);
    }

    private static void collect(CommandLine c, List<CommandLine> into) {
        into.add(c);
        for (CommandLine sub : c.getSubcommands().values()) collect(sub, into);
    }

    @Test
    void ratesShowTakesMarketsInAnyCaseAndCountriesByName() {
        Run lower = run("rates", "show", "brazil", "--date", "2026-10-15");
        assertEquals(0, lower.code(), lower.err());
        assertTrue(lower.out().startsWith("Brazil on 2026-10-15: card USD@2026-10-01"), lower.out());
        Run us = run("rates", "show", "United States", "--date", "2026-10-15");
        assertEquals(0, us.code(), us.err());
        assertTrue(us.out().contains("United States is in market North America"), us.out());
        Run iso = run("rates", "show", "de", "--date", "2026-10-15");
        assertTrue(iso.out().contains("is in market Germany"), iso.out() + iso.err());
        Run typo = run("rates", "show", "Brazl", "--date", "2026-10-15");
        assertEquals(ExitCodes.BAD_INPUT, typo.code());
        assertTrue(typo.err().contains("did you mean Brazil?"), typo.err());
    }

    @Test
    void ratesShowAcceptsTheOptionItsErrorSuggests() {
        Run missing = run("rates", "show", "Brazil", "--date", "2025-08-01");
        assertEquals(ExitCodes.BAD_INPUT, missing.code());
        assertTrue(missing.err().contains("--allow-stale-card"), missing.err());
        assertTrue(missing.err().contains("wabill rates import"), missing.err());
        Run stale = run("rates", "show", "Brazil", "--date", "2025-08-01", "--allow-stale-card");
        assertEquals(0, stale.code(), stale.err());
        assertTrue(stale.out().contains("stale-card"), stale.out());
    }

    @Test
    void aWhatIfCardTheCatalogLacksNamesTheCardsItHasAndHowToGetIt(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("log.csv");
        Files.writeString(log, "timestamp,message_id,business,customer,direction,kind,category\n"
                + "2026-10-05T12:00:00Z,m1,15550001,5511987600001,outbound,template,marketing\n", StandardCharsets.UTF_8);
        Run r = run("simulate", log.toString(), "--card", "USD@2025-07-01", "--out", dir.resolve("out").toString(), "-q");
        assertEquals(ExitCodes.BAD_INPUT, r.code());
        assertTrue(r.err().contains("USD@2026-10-01"), "the cards there are: " + r.err());
        assertTrue(r.err().contains("USD rate card in force on 2025-07-01") && r.err().contains("wabill rates import"), r.err());
    }

    @Test
    void validateNamesAMisspeltMarketOnceWithASuggestion(@TempDir Path dir) throws Exception {
        StringBuilder card = new StringBuilder("market,currency,category,tier_from,tier_to,rate\n");
        for (int i = 0; i < 14; i++) card.append("Chilee,USD,").append(i % 2 == 0 ? "marketing" : "utility").append(",1,,0.0889\n");
        Files.writeString(dir.resolve("meta-rates-USD-2026-10-01.csv"), card, StandardCharsets.UTF_8);
        Run r = run("rates", "validate", dir.toString());
        assertEquals(ExitCodes.BAD_INPUT, r.code());
        assertEquals(1, r.err().split("Chilee", -1).length - 1, r.err());
        assertTrue(r.err().contains("did you mean Chile?"), r.err());
        assertTrue(r.err().contains("13 more rows name it"), r.err());
    }

    @Test
    void anNbpReplayWithoutANotificationCardBlamesTheCardNotTheCustomer(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("log.csv");
        Files.writeString(log, "timestamp,message_id,business,customer,direction,kind,category\n"
                + "2026-10-05T12:00:00Z,m1,15550001,5511987600001,outbound,template,marketing\n", StandardCharsets.UTF_8);
        Run r = run("simulate", log.toString(), "--regime", "NBP", "--out", dir.resolve("out").toString(), "-q");
        assertEquals(ExitCodes.BAD_INPUT, r.code());
        assertFalse(r.err().contains("column customer"), r.err());
        assertTrue(r.err().contains("has no notification rates in any market"), r.err());
        assertTrue(r.err().contains("wabill rules A6"), r.err());
    }

    /** Writes a CSV as the first sheet of a workbook, numbers as numeric cells, as a spreadsheet would keep them. */
    static void toXlsx(Path csv, Path xlsx) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        String text = Files.readString(csv, StandardCharsets.UTF_8).replace("\uFEFF", "");
        try (var p = org.apache.commons.csv.CSVFormat.RFC4180.parse(new java.io.StringReader(text))) {
            for (var r : p) rows.add(r.toList());
        }
        try (var out = Files.newOutputStream(xlsx)) {
            var wb = new org.dhatim.fastexcel.Workbook(out, "test", "1.0");
            var ws = wb.newWorksheet("rates");
            for (int r = 0; r < rows.size(); r++)
                for (int c = 0; c < rows.get(r).size(); c++) {
                    String v = rows.get(r).get(c);
                    if (v.isEmpty()) continue;
                    try {
                        ws.value(r, c, new java.math.BigDecimal(v));
                    } catch (NumberFormatException notANumber) {
                        ws.value(r, c, v);
                    }
                }
            wb.finish();
        }
    }

    @Test
    void metasDownloadedCardsImportIntoACatalogThatPrices(@TempDir Path dir) throws Exception {
        Path meta = Path.of("..", "datasets", "src", "test", "resources", "meta");
        Path cards = dir.resolve("my-cards");
        Run imported = run("rates", "import", meta.resolve("meta-usd-rates-2026-10-01.csv").toString(),
                meta.resolve("meta-usd-volume-tiers-2026-10-01.csv").toString(), "--out", cards.toString());
        assertEquals(0, imported.code(), imported.err());
        assertTrue(Files.isRegularFile(cards.resolve("meta-rates-USD-2026-10-01.csv")));
        Run shown = run("rates", "show", "Brazil", "--rates", cards.toString(), "--date", "2026-10-15");
        assertEquals(0, shown.code(), shown.err());
        assertTrue(shown.out().contains("messages 1 to "), "the volume tiers came along: " + shown.out());
        // The same card downloaded as XLSX (numbers stored as numbers) imports to the same rates.
        Path xlsx = dir.resolve("rates.xlsx");
        toXlsx(meta.resolve("meta-usd-rates-2026-10-01.csv"), xlsx);
        Path fromXlsx = dir.resolve("from-xlsx");
        Run x = run("rates", "import", xlsx.toString(), "--out", fromXlsx.toString());
        assertEquals(0, x.code(), x.err());
        var a = io.wabill.data.rates.CatalogLoader.load(fromXlsx).rates().cards().get(0);
        Path csvOnly = dir.resolve("csv-only");
        assertEquals(0, run("rates", "import", meta.resolve("meta-usd-rates-2026-10-01.csv").toString(), "--out", csvOnly.toString()).code());
        var b = io.wabill.data.rates.CatalogLoader.load(csvOnly).rates().cards().get(0);
        assertEquals(b.id(), a.id());
        assertEquals(b.markets().keySet(), a.markets().keySet());
        for (var m : b.markets().entrySet())
            for (var c : m.getValue().entrySet())
                assertEquals(0, c.getValue().first().rate().compareTo(a.bands(m.getKey(), c.getKey()).first().rate()), m.getKey() + " " + c.getKey());
        Run notMeta = run("rates", "import", dir.resolve("nothing.csv").toString(), "--out", cards.toString());
        assertEquals(ExitCodes.BAD_INPUT, notMeta.code());
        assertTrue(notMeta.err().contains("no such file"), notMeta.err());
    }
}
