package io.wabill.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the report of every kind (simulate, compare, forecast) in headless Chromium at a 1300 px wide window and
 * checks what a person would see: no script error, no part that failed to load, and no table wider than the page.
 * Skipped only where no Chromium is installed; CI installs Debian's (.ci/run).
 *
 * <p>The check runs inside the page: a copy of report.html gets a probe script first in its head (it records
 * errors) and last in its body (after load it measures every table and every image and writes the findings into
 * an attribute of the page), and Chromium dumps the DOM.
 */
class ReportsInBrowserTest {
    static final int WIDTH = 1300;
    static Path browser;

    @BeforeAll
    static void findChromium() {
        for (String p : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"))
            if (Files.isExecutable(Path.of(p))) browser = Path.of(p);
    }

    static void ok(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(0, code, String.join(" ", args) + "\n" + out + err);
    }

    @Test
    void simulateReport(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(browser != null, "no Chromium installed");
        ok("simulate", ConformanceTest.folder().resolve("pmp_markets.csv").toString(), "--rates",
                ConformanceTest.folder().resolve("rates").toString(), "--out", dir.resolve("out").toString(),
                "--report", dir.resolve("report").toString(), "-q");
        check(dir.resolve("report/report.html"), dir);
    }

    @Test
    void compareReport(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(browser != null, "no Chromium installed");
        ok("compare", ConformanceTest.folder().resolve("pmp_markets.csv").toString(), "--rates",
                ConformanceTest.folder().resolve("rates").toString(), "--strategy", "conversation-first:defer=12h",
                "--strategy", "window-aware-utility", "--what-if-regime", "PMP-26", "--out", dir.resolve("out").toString(),
                "--report", dir.resolve("report").toString(), "-q");
        check(dir.resolve("report/report.html"), dir);
    }

    @Test
    void forecastReport(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(browser != null, "no Chromium installed");
        ok("forecast", "--scenario", "multi-market-global", "--start", "2026-12-01", "--months", "2", "--runs", "3",
                "--scale", "0.02", "--out", dir.resolve("out").toString(), "--report", dir.resolve("report").toString(), "-q");
        check(dir.resolve("report/report.html"), dir);
    }

    /** Records errors from the start, then after load writes its findings into {@code data-probe} of the html element. */
    static final String PROBE_HEAD = "<script>window.__errors=[];"
            + "addEventListener('error',function(e){window.__errors.push('error: '+(e.message||((e.target&&(e.target.src||e.target.href))||'a resource failed to load')));},true);"
            + "addEventListener('unhandledrejection',function(e){window.__errors.push('rejection: '+e.reason);});</script>";
    static final String PROBE_BODY = "<script>addEventListener('load',function(){setTimeout(function(){"
            + "var f=window.__errors.slice(),w=document.documentElement.clientWidth;"
            + "if(document.documentElement.scrollWidth>w+1)f.push('the page scrolls sideways: '+document.documentElement.scrollWidth+' > '+w);"
            + "document.querySelectorAll('table').forEach(function(t,i){var r=t.getBoundingClientRect(),p=t.parentElement,s=getComputedStyle(p).overflowX;"
            + "var box=(s==='auto'||s==='scroll')?p.getBoundingClientRect():r;"
            + "if(box.right>w+1||box.left<-1)f.push('table '+(t.id||i)+' is wider than the page: '+Math.round(box.right)+' > '+w);});"
            + "document.querySelectorAll('img').forEach(function(m){if(!m.complete||m.naturalWidth===0)f.push('image not loaded: '+(m.alt||m.src.slice(0,40)));});"
            + "if(document.querySelectorAll('table').length===0)f.push('no table in the report');"
            + "document.documentElement.setAttribute('data-probe',f.length?f.join(' | '):'ok');},0);});</script>";

    static void check(Path report, Path dir) throws Exception {
        String html = Files.readString(report, StandardCharsets.UTF_8);
        assertTrue(html.contains("<head>") && html.contains("</body>"), "a whole page");
        String probed = html.replaceFirst("<head>", "<head>" + Matcher.quoteReplacement(PROBE_HEAD))
                .replace("</body>", PROBE_BODY + "</body>");
        Path page = dir.resolve("probed-" + report.getFileName());
        Files.writeString(page, probed, StandardCharsets.UTF_8);
        Process p = new ProcessBuilder(browser.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--hide-scrollbars", "--window-size=" + WIDTH + ",1000", "--virtual-time-budget=5000",
                "--user-data-dir=" + dir.resolve("profile"), "--dump-dom", page.toUri().toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String dom = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "chromium did not finish");
        assertEquals(0, p.exitValue(), "chromium failed");
        Matcher m = Pattern.compile("data-probe=\"([^\"]*)\"").matcher(dom);
        assertTrue(m.find(), "the probe did not run: the page did not finish loading");
        assertEquals("ok", m.group(1).replace("&gt;", ">"), report.toString());
    }
}
