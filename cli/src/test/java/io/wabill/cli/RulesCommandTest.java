package io.wabill.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** docs/rules.md holds every rule of PRICING.md, and every id the code cites can be looked up with {@code wabill rules}. */
class RulesCommandTest {
    /** The rule ids of PRICING.md, in its order. */
    static final List<String> SPEC_IDS = List.of("G1", "G2", "G2a", "G3", "G4", "G5", "G6", "G7", "G8", "G9", "G10",
            "A1", "A2", "A3", "A4", "A5", "A6", "B1", "B2", "B3", "B4", "B5", "C1", "C2", "C3", "C4", "C5", "C6", "C7",
            "C8", "C9", "D1", "D2", "D3", "D4", "D5", "D6", "D7", "D8", "E1", "E2", "E3", "E4", "E5", "E6", "E7",
            "X1", "X2", "X3", "W1", "W2", "W3", "W4", "W5");

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void rulesMdHasOneSectionWithAnExampleForEveryRuleOfTheSpecification() {
        RuleBook book = RuleBook.bundled();
        assertEquals(SPEC_IDS, book.ids());
        for (RuleBook.Rule r : book.all()) {
            assertTrue(r.text().contains("*Example:*"), r.id() + " has no worked example");
            assertTrue(r.text().length() > 150, r.id() + " says too little");
        }
    }

    @Test
    void theBundledTextIsTheRepositorysDocsRulesMd() throws IOException {
        Path docs = Path.of("..", "docs", "rules.md");
        RuleBook book = RuleBook.parse(Files.readString(docs, StandardCharsets.UTF_8));
        assertEquals(RuleBook.bundled().all(), book.all());
    }

    @Test
    void everyRuleIdCitedInTheCodeIsExplained() throws IOException {
        RuleBook book = RuleBook.bundled();
        TreeSet<String> missing = new TreeSet<>();
        List<Path> sources = new ArrayList<>();
        for (String module : List.of("simulator", "datasets", "reports", "cli", "app")) {
            Path main = Path.of("..", module, "src", "main", "java");
            if (!Files.isDirectory(main)) continue;
            try (Stream<Path> files = Files.walk(main)) {
                files.filter(p -> p.toString().endsWith(".java")).forEach(sources::add);
            }
        }
        assertTrue(sources.size() > 50, "the sources were found");
        for (Path p : sources)
            for (String id : RuleBook.citedIds(Files.readString(p, StandardCharsets.UTF_8)))
                if (book.find(id) == null || !book.find(id).id().equals(id)) missing.add(id + " (" + p.getFileName() + ")");
        assertTrue(missing.isEmpty(), "rule ids cited in the code but not in docs/rules.md: " + missing);
    }

    @Test
    void everyRuleIdInTheHelpIsExplainedAndTheHelpSaysWhere() {
        RuleBook book = RuleBook.bundled();
        List<CommandLine> all = new ArrayList<>();
        collect(Main.commandLine(), all);
        int citing = 0;
        for (CommandLine c : all) {
            String help = c.getUsageMessage(CommandLine.Help.Ansi.OFF);
            List<String> ids = RuleBook.citedIds(help);
            for (String id : ids) assertNotNull(book.find(id), id + " in the help of " + c.getCommandName());
            if (!ids.isEmpty()) {
                citing++;
                assertTrue(help.contains("wabill rules"), c.getCommandName() + " cites rule ids but does not say where they are explained");
            }
        }
        assertTrue(citing >= 3, "simulate, compare, forecast and rates cite rules");
    }

    private static void collect(CommandLine c, List<CommandLine> into) {
        into.add(c);
        for (CommandLine sub : c.getSubcommands().values()) collect(sub, into);
    }

    @Test
    void printsTheRulesAskedForInAnyCase() {
        Run r = run("rules", "d6", "G2a");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("## D6 · "), r.out());
        assertTrue(r.out().contains("## G2a · "), r.out());
        assertTrue(r.out().indexOf("## D6") < r.out().indexOf("## G2a"), "in the order asked");
    }

    @Test
    void withoutAnIdListsEveryRuleAndHowToReadOne() {
        Run r = run("rules");
        assertEquals(0, r.code());
        for (String id : SPEC_IDS) assertTrue(r.out().contains("  " + id + " "), id);
        assertTrue(r.out().contains("wabill rules ID"));
    }

    @Test
    void anUnknownIdIsAUsageErrorWithASuggestion() {
        Run r = run("rules", "G2b");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("no rule G2b"), r.err());
        assertTrue(r.err().contains("did you mean"), r.err());
    }

    @Test
    void allPrintsEverySection() {
        Run r = run("rules", "--all");
        assertEquals(0, r.code());
        for (String id : SPEC_IDS) assertTrue(r.out().contains("## " + id + " · "), id);
    }
}
