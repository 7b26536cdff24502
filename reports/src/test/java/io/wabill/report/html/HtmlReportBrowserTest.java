package io.wabill.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens report.html in a real browser, headless Chromium, when one is installed (Debian's {@code chromium}); skipped
 * otherwise, so the build never depends on it. The DOM Chromium dumps shows the page loaded offline, every section
 * is there and the sorting script ran (it marks the page {@code data-sortable="ready"}).
 */
class HtmlReportBrowserTest {
    static Path chromium() {
        for (String p : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"))
            if (Files.isExecutable(Path.of(p))) return Path.of(p);
        return null;
    }

    @Test
    void headlessChromiumLoadsTheReportAndRunsItsScript(@TempDir Path dir) throws Exception {
        Path browser = chromium();
        Assumptions.assumeTrue(browser != null, "no Chromium installed");
        Path page = dir.resolve("report.html");
        Files.writeString(page, ReportSample.html(), StandardCharsets.UTF_8);
        Process p = new ProcessBuilder(browser.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + dir.resolve("profile"), "--dump-dom", page.toUri().toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String dom = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(90, TimeUnit.SECONDS), "chromium did not finish");
        assertEquals(0, p.exitValue());
        assertTrue(dom.contains("data-sortable=\"ready\""), "the sorting script ran");
        for (String id : HtmlReportTest.SECTIONS) assertTrue(dom.contains("<section id=\"" + id + "\""), id);
        assertTrue(dom.contains("<svg"), "charts are in the page");
    }

    /**
     * At 1300 px, the report's tables fit the page: cells wrap. A table with many columns and long unbroken cells (a
     * composed strategy's name) that still cannot fit scrolls inside its own box, which fits. A measuring script
     * appended to a copy of the page writes the widest table, the widest table box and the page's own width into the
     * DOM Chromium dumps.
     */
    @Test
    void atThirteenHundredPixelsNoTableIsWiderThanThePage(@TempDir Path dir) throws Exception {
        Path browser = chromium();
        Assumptions.assumeTrue(browser != null, "no Chromium installed");
        HtmlReport report = new HtmlReport("wide", new io.wabill.report.chart.ChartWriter(new io.wabill.report.chart.ChartStyle(700, 400)));
        List<String> columns = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) columns.add("a_rather_long_column_name_" + i);
        Table wide = new Table("wide", "wide", columns, columns.subList(10, 20));
        List<String> cells = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) cells.add("quiet-hours:from=21:00,to=08:00,templates-only=false;conversation-first:defer=12h," + i);
        for (int i = 0; i < 10; i++) cells.add("123456789.12");
        wide.row(cells);
        report.section("wide", "Wide").table(wide);
        java.io.StringWriter w = new java.io.StringWriter();
        report.write(w);
        String measure = "<script>var widest = 0, box = 0; document.querySelectorAll('table').forEach(function (t) {"
                + " widest = Math.max(widest, t.getBoundingClientRect().right);"
                + " box = Math.max(box, t.parentNode.getBoundingClientRect().right); });"
                + " document.documentElement.setAttribute('data-widest', Math.ceil(widest));"
                + " document.documentElement.setAttribute('data-box', Math.ceil(box));"
                + " document.documentElement.setAttribute('data-page', document.documentElement.clientWidth);</script>";
        boolean sample = true;
        for (String html : List.of(ReportSample.html(), w.toString())) {
            Path page = dir.resolve("page.html");
            Files.writeString(page, html.replace("</body>", measure + "</body>"), StandardCharsets.UTF_8);
            Process p = new ProcessBuilder(browser.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                    "--window-size=1300,900", "--no-first-run", "--disable-background-networking",
                    "--user-data-dir=" + dir.resolve("profile"), "--dump-dom", page.toUri().toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String dom = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(90, TimeUnit.SECONDS), "chromium did not finish");
            java.util.regex.Matcher widest = java.util.regex.Pattern.compile("data-widest=\"(\\d+)\"").matcher(dom);
            java.util.regex.Matcher pageWidth = java.util.regex.Pattern.compile("data-page=\"(\\d+)\"").matcher(dom);
            java.util.regex.Matcher box = java.util.regex.Pattern.compile("data-box=\"(\\d+)\"").matcher(dom);
            assertTrue(widest.find() && pageWidth.find() && box.find(), "the measuring script ran");
            int page0 = Integer.parseInt(pageWidth.group(1));
            assertTrue(page0 <= 1300, "the window is 1300 px wide: " + page0);
            assertTrue(Integer.parseInt(box.group(1)) <= page0, "a table box ends at " + box.group(1) + " px, the page at " + page0);
            if (sample)
                assertTrue(Integer.parseInt(widest.group(1)) <= page0, "a table ends at " + widest.group(1) + " px, the page at " + page0);
            sample = false;
        }
    }
}
