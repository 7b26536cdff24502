package io.wabill.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.parser.ParseErrorList;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * report.html is checked by two parsers that are part of the build: the JDK's XML parser (the page must be
 * well-formed XHTML) and jsoup's HTML5 parser (the page must parse without an error), and has every section.
 */
class HtmlReportTest {
    static final List<String> SECTIONS = List.of("overview", "spend", "charts", "summary", "tiers", "inputs", "accounting");
    static String html;
    static Document xml;
    static XPath xpath = XPathFactory.newInstance().newXPath();

    @BeforeAll
    static void build() throws Exception {
        html = ReportSample.html();
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        xml = f.newDocumentBuilder().parse(new InputSource(new StringReader(html)));
    }

    private static NodeList nodes(String path) throws Exception {
        return (NodeList) xpath.evaluate(path, xml, XPathConstants.NODESET);
    }

    @Test
    void theReportIsWellFormedXhtmlWithEverySection() throws Exception {
        assertEquals("html", xml.getDocumentElement().getTagName());
        for (String id : SECTIONS) {
            assertEquals(1, nodes("//section[@id='" + id + "']").getLength(), "section " + id);
            assertEquals(1, nodes("//nav//a[@href='#" + id + "']").getLength(), "contents link to " + id);
        }
        for (String table : List.of("summary-table", "tier-table", "log-table", "card-table", "regime-table",
                "option-table", "account-table"))
            assertEquals(1, nodes("//table[@id='" + table + "' and @class='sortable']").getLength(), "table " + table);
        assertTrue(nodes("//section[@id='charts']//figure/svg").getLength() >= 5, "charts are inline SVG");
    }

    @Test
    void theReportOpensWithTotalsPivotsWithTotalsAndTheCostliestTemplatesInCents() {
        org.jsoup.nodes.Document doc = Jsoup.parse(html);
        List<String> order = doc.select("section").eachAttr("id");
        assertEquals(List.of("overview", "spend"), order.subList(0, 2), "totals first, then where the money goes");
        assertTrue(doc.select("#overview dd").first().text().matches("[0-9,]+\\.[0-9]{2} \\(exact: .*\\)"),
                doc.select("#overview dd").first().text());
        Element pivot = doc.getElementById("pivot-category-usd");
        assertTrue(pivot != null, "month x category pivot");
        List<String> header = pivot.select("thead th").eachText();
        assertEquals("month", header.get(0));
        assertEquals("total", header.get(header.size() - 1));
        Element last = pivot.select("tfoot tr").last();
        assertEquals("total", last.child(0).text());
        for (Element td : pivot.select("td.num")) assertTrue(td.attr("data-v").matches("-?\\d+\\.\\d{2}"), td.outerHtml());
        // The grand total of the pivot is the report's total, to the cent.
        assertEquals(doc.select("#overview dd").first().text().split(" ")[0], last.child(last.childrenSize() - 1).text());
        assertTrue(doc.getElementById("pivot-market-usd") != null, "month x market pivot");
        Element templates = doc.getElementById("top-templates");
        assertTrue(templates != null && templates.select("tbody tr").size() >= 3, "the fixture has several templates");
        for (Element t : doc.select("table")) assertEquals("table-wrap", t.parent().className(), "every table can scroll if needed");
    }

    @Test
    void theReportParsesAsHtml5WithoutAnError() {
        Parser parser = Parser.htmlParser().setTrackErrors(50);
        org.jsoup.nodes.Document doc = Jsoup.parse(html, "", parser);
        ParseErrorList errors = parser.getErrors();
        assertTrue(errors.isEmpty(), "HTML5 parse errors: " + errors);
        for (String id : SECTIONS) assertTrue(doc.getElementById(id) != null, id);
        assertEquals(doc.select("#summary-table tbody tr").size(), doc.select("#summary-table").first()
                .select("tbody > tr").size());
    }

    @Test
    void theReportNeedsNoNetworkAndHasOnlyItsOwnScript() {
        org.jsoup.nodes.Document doc = Jsoup.parse(html);
        assertEquals(1, doc.select("script").size());
        assertTrue(doc.select("script[src], link, img[src], iframe, object, embed").isEmpty());
        for (Element a : doc.select("a[href]")) assertTrue(a.attr("href").startsWith("#"), a.attr("href"));
        for (Element e : doc.select("[href], [xlink:href], [src]"))
            assertFalse(e.attr("href").startsWith("http") || e.attr("src").startsWith("http"), e.outerHtml());
        assertFalse(html.contains("@import"), "no imported style");
        assertFalse(java.util.regex.Pattern.compile("url\\((?!#)").matcher(html).find(), "only local url(#id) references");
    }

    @Test
    void everyTextIsEscaped() throws Exception {
        assertFalse(html.contains(ReportSample.HOSTILE), "raw markup from input must not reach the page");
        assertEquals(1, nodes("//script").getLength());
        assertTrue(nodes("//h1[contains(., \"<script>alert('x')</script>\")]").getLength() == 1, "shown as text");
        String account = (String) xpath.evaluate("string(//table[@id='account-table']/tbody/tr[1]/td[1])", xml,
                XPathConstants.STRING);
        assertEquals(ReportSample.HOSTILE, account, "the account reads as it was given");
        assertTrue(nodes("//td[contains(., '<b>bold</b>')]").getLength() == 1, "provenance text stays text");
    }

    @Test
    void theRowAccountingAddsUp() throws Exception {
        String text = (String) xpath.evaluate("string(//section[@id='accounting'])", xml, XPathConstants.STRING);
        assertTrue(text.contains("12 = 11 + 1 + 0 (adds up)"), text);
    }

    @Test
    void numbersKeepEveryDecimalAndGainThousandsSeparators() {
        assertEquals("1,234,567.5000", HtmlReport.grouped("1234567.5000"));
        assertEquals("-12.3", HtmlReport.grouped("-12.3"));
        assertEquals("999", HtmlReport.grouped("999"));
    }
}
