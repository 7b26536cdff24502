package io.wabill.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wabill.data.samples.SyntheticLog;
import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The README's "Use as a library" program, the exact ```java block, run as the README says ({@code java -cp ...
 * PriceLog.java LOG ACCOUNTS.csv}, the source launcher compiling it) on logs of several accounts and portfolios:
 * it prints the totals {@code wabill simulate} prints, so the example cannot rot.
 */
class ReadmeLibraryExampleTest {
    @TempDir Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource({"2026-09-20, 1", "2024-10-10, 2"}) // per-message pricing, and the CBP era with conversations
    void priceLogPrintsTheTotalsOfSimulate(LocalDate first, long seed) throws Exception {
        SyntheticLog.Settings s = new SyntheticLog.Settings(20_000, first, 10, 3, 2, 800, seed);
        Path log = dir.resolve("log.csv");
        Path accounts = dir.resolve("accounts.csv");
        SyntheticLog.write(s, log);
        SyntheticLog.writeAccounts(s, accounts);
        assertTrue(Files.readString(accounts).lines().count() > 3, "several accounts");

        StringWriter text = new StringWriter();
        int code = Main.run(new String[] {"simulate", log.toString(), "--accounts", accounts.toString(), "--quiet",
                "--out", dir.resolve("out").toString()}, new PrintWriter(text), new PrintWriter(text));
        assertEquals(0, code, text::toString);
        List<String> expected = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^Total: (\\S+) (\\S+)$").matcher(text.toString());
        while (m.find()) expected.add(m.group(1) + " " + m.group(2));
        assertFalse(expected.isEmpty(), "simulate printed totals: " + text);

        Path program = dir.resolve("PriceLog.java");
        Files.writeString(program, readmeProgram(), StandardCharsets.UTF_8);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", classPath(), program.toString(), log.toString(), accounts.toString());
        pb.redirectError(dir.resolve("stderr.txt").toFile());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "PriceLog finished");
        assertEquals(0, p.exitValue(), () -> out + readQuietly(dir.resolve("stderr.txt")));
        assertEquals(expected, out.lines().toList());
    }

    /** The one ```java block of the README's "Use as a library" section. */
    static String readmeProgram() throws Exception {
        Path readme = null;
        for (Path p = Path.of("").toAbsolutePath(); p != null && readme == null; p = p.getParent())
            if (Files.exists(p.resolve("README.md")) && Files.exists(p.resolve("simulator"))) readme = p.resolve("README.md");
        assertTrue(readme != null, "README.md above the module folder");
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        int section = text.indexOf("\n## Use as a library\n");
        assertTrue(section >= 0, "the README has a section \"Use as a library\"");
        int next = text.indexOf("\n## ", section + 1);
        String body = text.substring(section, next < 0 ? text.length() : next);
        Matcher block = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL).matcher(body);
        assertTrue(block.find(), "a ```java block in the section");
        String program = block.group(1);
        assertFalse(block.find(), "one ```java block in the section");
        assertTrue(program.contains("public class PriceLog"), "the block is the PriceLog program");
        return program;
    }

    /** The test's class path: the modules' classes and their libraries, what {@code wabill.jar} holds. */
    private static String classPath() {
        List<String> parts = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.endsWith(".jar") && entry.contains("surefire")) continue;
            parts.add(entry);
        }
        return String.join(File.pathSeparator, parts);
    }

    private static String readQuietly(Path p) {
        try {
            return Files.readString(p);
        } catch (Exception e) {
            return "";
        }
    }
}
