package io.wabill.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** templates.csv: spend per template and category, costliest first, adding up to the ledger's template charges. */
class TemplateTableTest {
    @Test
    void spendPerTemplateAddsUpToTheLedgersTemplateCharges() throws Exception {
        Fixture f = Fixture.standard("acme");
        TemplateTable templates = new TemplateTable();
        long[] ledgerTemplateUnits = {0};
        long[] templateRows = {0};
        f.run(templates, line -> {
            if (!line.message().isInbound() && line.message().kind() == io.wabill.sim.domain.MessageKind.TEMPLATE) {
                ledgerTemplateUnits[0] += line.amountUnits();
                templateRows[0]++;
            }
        });
        List<TemplateTable.Row> rows = templates.rows();
        long units = 0, messages = 0;
        for (TemplateTable.Row r : rows) {
            units += r.units();
            messages += r.messages();
        }
        assertEquals(ledgerTemplateUnits[0], units);
        assertEquals(templateRows[0], messages);
        for (int i = 1; i < rows.size(); i++)
            assertEquals(true, rows.get(i - 1).units() >= rows.get(i).units(), "costliest first: " + rows);
        StringWriter out = new StringWriter();
        templates.write(out, CsvDialect.UNIX);
        String[] lines = out.toString().split("\n");
        assertEquals("template,category,messages,charged,amount,currency", lines[0]);
        assertEquals(rows.size() + 1, lines.length);
        TemplateTable.Row shipping = rows.stream().filter(r -> r.template().equals("shipping")).findFirst().orElseThrow();
        assertEquals("utility", shipping.category());
        assertEquals(5, shipping.messages());
    }
}
