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
}
