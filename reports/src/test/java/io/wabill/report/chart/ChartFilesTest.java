package io.wabill.report.chart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wabill.report.OutputSet;
import io.wabill.report.TierRow;
import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.data.category.CategoryDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** Charts render without a display into valid PNG and SVG files that carry their titles. */
class ChartFilesTest {
    static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    static List<Chart> everyKind() {
        BigDecimal one = BigDecimal.ONE;
        return List.of(
                MonthlySpendChart.from("monthly-spend", ChartDataTest.SUMMARY, "USD"),
                MarketSpendChart.from("spend-by-market", ChartDataTest.SUMMARY, "USD", 2),
                PricingTypeChart.from("pricing-types", ChartDataTest.SUMMARY),
                DailyCostChart.from("daily-cost", List.of(
                        new io.wabill.report.DailyRow("2026-09-30", "a", "utility", 1, new BigDecimal("0.008"), "USD", "PMP", "USD@2026-07-01"),
                        new io.wabill.report.DailyRow("2026-10-02", "a", "utility", 1, new BigDecimal("0.008"), "USD", "PMP-26", "USD@2026-10-01")), "USD"),
                TierProgressChart.from("tier-progress", List.of(new TierRow("2026-10", "p", "Brazil", "utility",
                        "2026-10-02", 3, 3, "1:3", "4", "USD", "USD@2026-10-01")), "2026-10", "utility"),
                new ComparisonChart("comparison", "USD", List.of(new ComparisonChart.Row("timeline", new BigDecimal("1200.00"), BigDecimal.ZERO),
                        new ComparisonChart.Row("PMP-26 & <all>", new BigDecimal("1350.25"), new BigDecimal("150.25")))),
                new FanChart("forecast", "USD", List.of(new FanChart.Point("2027-01", one, new BigDecimal("2"), new BigDecimal("3")),
                        new FanChart.Point("2027-02", new BigDecimal("1.5"), new BigDecimal("2.5"), new BigDecimal("4")))));
    }

    @Test
    void theJvmIsHeadless() {
        assertTrue(GraphicsEnvironment.isHeadless());
    }

    @Test
    void everyChartIsWrittenAsPngAndSvgWithItsTitle(@TempDir Path dir) throws Exception {
        ChartWriter writer = new ChartWriter(new ChartStyle(640, 400));
        OutputSet out = OutputSet.begin(dir, new io.wabill.report.RunManifest("test", List.of(), "test"));
        List<Chart> charts = everyKind();
        writer.write(out, charts);
        List<Path> written = out.commit();
        assertEquals(ChartWriter.fileNames(charts).size() + 1, written.size()); // and run.json
        for (Chart c : charts) {
            byte[] png = Files.readAllBytes(dir.resolve(c.name() + ".png"));
            assertArrayEquals(PNG_MAGIC, Arrays.copyOf(png, 8), c.name());
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            assertEquals(640, image.getWidth());
            assertEquals(400, image.getHeight());

            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            Document svg = f.newDocumentBuilder().parse(dir.resolve(c.name() + ".svg").toFile());
            assertEquals("svg", svg.getDocumentElement().getLocalName());
            NodeList texts = (NodeList) XPathFactory.newInstance().newXPath()
                    .evaluate("//*[local-name()='text' or local-name()='title']", svg, XPathConstants.NODESET);
            boolean titled = false;
            for (int i = 0; i < texts.getLength(); i++) titled |= texts.item(i).getTextContent().equals(c.title());
            assertTrue(titled, c.name() + " SVG has no title '" + c.title() + "'");
        }
    }

    @Test
    void theSameChartGivesTheSameSvgBytes() {
        ChartWriter writer = new ChartWriter(ChartStyle.DEFAULT);
        Chart c = everyKind().get(0);
        assertEquals(writer.svg(c), writer.svg(c));
    }

    @Test
    void aDrawnDatasetHoldsTheExactAmountsAndLabelsOfTheData() {
        MonthlySpendChart c = MonthlySpendChart.from("monthly-spend", ChartDataTest.SUMMARY, "USD");
        JFreeChart drawn = c.draw(ChartStyle.DEFAULT);
        CategoryDataset ds = ((CategoryPlot) drawn.getPlot()).getDataset();
        assertEquals(List.of("marketing", "utility", "authentication"), ds.getRowKeys());
        assertEquals(List.of("2026-09", "2026-10"), ds.getColumnKeys());
        assertEquals(new BigDecimal("0.6250"), ds.getValue("marketing", "2026-09"));
        assertEquals("Amount (USD)", ((CategoryPlot) drawn.getPlot()).getRangeAxis().getLabel());
        assertEquals("Monthly spend by billable category (USD)", drawn.getTitle().getText());
    }
}
