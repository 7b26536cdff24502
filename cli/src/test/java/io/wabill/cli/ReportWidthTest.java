package io.wabill.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wabill.data.samples.DemoLog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reports of simulate (with fees and tax) and compare (long composed strategy names) on the demo log, opened in
 * headless Chromium 1300 px wide, have no table wider than the page. Skipped where no Chromium is installed.
 */
class ReportWidthTest {
    static Path chromium() {
        for (String p : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"))
            if (Files.isExecutable(Path.of(p))) return Path.of(p);
        return null;
    }

    @Test
    void theSimulateAndCompareReportsFitAThirteenHundredPixelWindow(@TempDir Path dir) throws Exception {
        Path browser = chromium();
        Assumptions.assumeTrue(browser != null, "no Chromium installed");
        Path log = dir.resolve("demo.csv.gz");
        DemoLog.write(log);
        Path fees = dir.resolve("fees.csv");
        Files.writeString(fees, "from,category,per_message,percent,currency\n2026-01-01,*,0.001,2,USD\n");
        Path sim = dir.resolve("sim"), cmp = dir.resolve("cmp");
        CliRun s = CliRun.simulate(List.of(log), sim, "--time-zone", "America/Sao_Paulo", "--report", sim.toString(),
                "--fees", fees.toString(), "--tax", "0.2");
        assertEquals(0, s.exitCode(), s.describe());
        CliRun c = CliRun.of("compare", log.toString(), "--time-zone", "America/Sao_Paulo", "--quiet", "--out", cmp.toString(),
                "--report", cmp.toString(), "--strategy", "quiet-hours;conversation-first:defer=12h;reclassify:p=0.3",
                "--strategy", "window-aware-utility", "--what-if-regime", "PMP-26");
        assertEquals(0, c.exitCode(), c.describe());
        for (Path report : List.of(sim.resolve("report.html"), cmp.resolve("report.html"))) {
            int[] widths = measure(browser, report, dir);
            assertTrue(widths[1] <= 1300, "the window is 1300 px wide: " + widths[1]);
            assertTrue(widths[0] <= widths[1], report + ": a table ends at " + widths[0] + " px, the page at " + widths[1]);
        }
    }

    /** The right edge of the widest table and the page's width, from a copy of the page with a measuring script. */
    static int[] measure(Path browser, Path report, Path dir) throws Exception {
        String measure = "<script>var widest = 0; document.querySelectorAll('table').forEach(function (t) {"
                + " widest = Math.max(widest, t.getBoundingClientRect().right); });"
                + " document.documentElement.setAttribute('data-widest', Math.ceil(widest));"
                + " document.documentElement.setAttribute('data-page', document.documentElement.clientWidth);</script>";
        Path page = dir.resolve("measured.html");
        Files.writeString(page, Files.readString(report).replace("</body>", measure + "</body>"), StandardCharsets.UTF_8);
        Process p = new ProcessBuilder(browser.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--window-size=1300,900", "--no-first-run", "--disable-background-networking",
                "--user-data-dir=" + dir.resolve("profile"), "--dump-dom", page.toUri().toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String dom = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "chromium did not finish");
        Matcher w = Pattern.compile("data-widest=\"(\\d+)\"").matcher(dom), pg = Pattern.compile("data-page=\"(\\d+)\"").matcher(dom);
        assertTrue(w.find() && pg.find(), "the measuring script ran");
        return new int[] {Integer.parseInt(w.group(1)), Integer.parseInt(pg.group(1))};
    }
}
