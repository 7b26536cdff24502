package io.wabill.report.focus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wabill.report.CsvDialect;
import io.wabill.report.Fixture;
import io.wabill.report.RunTables;
import io.wabill.sim.money.Money;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks the FOCUS export against the FOCUS specification, version 1.2 (FinOps Open Cost and Usage Specification,
 * "Columns" chapter and the "Attributes" chapter: Date/Time Format, Numeric Format, Key-Value Format). The column
 * lists below were taken from that specification: all 57 columns of the 1.2 cost and usage dataset, and the ones
 * wabill fills with their feature level, data type and whether they allow nulls. Mandatory columns must all be present; the conditional ones whose condition holds for WhatsApp
 * billing (usage is measured, a price list is published, markets act as regions, accounts have sub accounts, tags)
 * must be present too.
 */
class FocusExportTest {
    enum Level { MANDATORY, CONDITIONAL, RECOMMENDED }

    enum Type { DECIMAL, STRING, DATETIME, JSON }

    record Spec(Level level, Type type, boolean nullable) {}

    /** Every column of the FOCUS 1.2 cost and usage dataset (the specification's column list). */
    static final Set<String> FOCUS_1_2_ALL = Set.of("AvailabilityZone", "BilledCost", "BillingAccountId",
            "BillingAccountName", "BillingAccountType", "BillingCurrency", "BillingPeriodEnd", "BillingPeriodStart",
            "CapacityReservationId", "CapacityReservationStatus", "ChargeCategory", "ChargeClass", "ChargeDescription",
            "ChargeFrequency", "ChargePeriodEnd", "ChargePeriodStart", "CommitmentDiscountCategory",
            "CommitmentDiscountId", "CommitmentDiscountName", "CommitmentDiscountQuantity", "CommitmentDiscountStatus",
            "CommitmentDiscountType", "CommitmentDiscountUnit", "ConsumedQuantity", "ConsumedUnit", "ContractedCost",
            "ContractedUnitPrice", "EffectiveCost", "InvoiceId", "InvoiceIssuerName", "ListCost", "ListUnitPrice",
            "PricingCategory", "PricingCurrency", "PricingCurrencyContractedUnitPrice", "PricingCurrencyEffectiveCost",
            "PricingCurrencyListUnitPrice", "PricingQuantity", "PricingUnit", "ProviderName", "PublisherName",
            "RegionId", "RegionName", "ResourceId", "ResourceName", "ResourceType", "ServiceCategory", "ServiceName",
            "ServiceSubcategory", "SkuId", "SkuMeter", "SkuPriceDetails", "SkuPriceId", "SubAccountId",
            "SubAccountName", "SubAccountType", "Tags");

    /** FOCUS 1.2 columns (feature level, data type, allows nulls) that a usage-based SaaS provider fills. */
    static final Map<String, Spec> FOCUS_1_2 = new LinkedHashMap<>();

    static {
        m("BilledCost", Type.DECIMAL, false);
        m("BillingAccountId", Type.STRING, false);
        m("BillingAccountName", Type.STRING, true);
        c("BillingAccountType", Type.STRING);
        m("BillingCurrency", Type.STRING, false);
        m("BillingPeriodEnd", Type.DATETIME, false);
        m("BillingPeriodStart", Type.DATETIME, false);
        m("ChargeCategory", Type.STRING, false);
        m("ChargeClass", Type.STRING, true);
        m("ChargeDescription", Type.STRING, true);
        FOCUS_1_2.put("ChargeFrequency", new Spec(Level.RECOMMENDED, Type.STRING, false));
        m("ChargePeriodEnd", Type.DATETIME, false);
        m("ChargePeriodStart", Type.DATETIME, false);
        c("ConsumedQuantity", Type.DECIMAL);
        c("ConsumedUnit", Type.STRING);
        m("ContractedCost", Type.DECIMAL, false);
        c("ContractedUnitPrice", Type.DECIMAL);
        m("EffectiveCost", Type.DECIMAL, false);
        m("InvoiceIssuerName", Type.STRING, false);
        m("ListCost", Type.DECIMAL, false);
        c("ListUnitPrice", Type.DECIMAL);
        c("PricingCategory", Type.STRING);
        // New in 1.2: the currency prices are set in, and the prices and cost in it.
        c("PricingCurrency", Type.STRING);
        c("PricingCurrencyContractedUnitPrice", Type.DECIMAL);
        c("PricingCurrencyEffectiveCost", Type.DECIMAL);
        c("PricingCurrencyListUnitPrice", Type.DECIMAL);
        m("PricingQuantity", Type.DECIMAL, true);
        m("PricingUnit", Type.STRING, true);
        m("ProviderName", Type.STRING, false);
        m("PublisherName", Type.STRING, false);
        c("RegionId", Type.STRING);
        c("RegionName", Type.STRING);
        m("ServiceCategory", Type.STRING, false);
        m("ServiceName", Type.STRING, false);
        FOCUS_1_2.put("ServiceSubcategory", new Spec(Level.RECOMMENDED, Type.STRING, true));
        c("SkuId", Type.STRING);
        c("SkuPriceId", Type.STRING);
        c("SubAccountId", Type.STRING);
        c("SubAccountName", Type.STRING);
        c("SubAccountType", Type.STRING);
        c("Tags", Type.JSON);
    }

    private static void m(String name, Type type, boolean nullable) { FOCUS_1_2.put(name, new Spec(Level.MANDATORY, type, nullable)); }

    private static void c(String name, Type type) { FOCUS_1_2.put(name, new Spec(Level.CONDITIONAL, type, true)); }

    static final Set<String> CHARGE_CATEGORIES = Set.of("Usage", "Purchase", "Tax", "Credit", "Adjustment");
    static final Set<String> SERVICE_CATEGORIES = Set.of("AI and Machine Learning", "Analytics", "Business Applications",
            "Compute", "Databases", "Developer Tools", "Multicloud", "Identity", "Integration", "Internet of Things",
            "Management and Governance", "Media", "Migration", "Mobile", "Networking", "Security", "Storage", "Web", "Other");
    static final Set<String> CHARGE_FREQUENCIES = Set.of("One-Time", "Recurring", "Usage-Based");
    static final Set<String> PRICING_CATEGORIES = Set.of("Standard", "Dynamic", "Committed", "Other");
    /** Numeric Format: an integer or decimal, a minus sign only, no exponent, no separators. */
    static final Pattern DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?");
    /** Date/Time Format: 'YYYY-MM-DDTHH:mm:ssZ' in UTC. */
    static final Pattern DATETIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");

    static List<CSVRecord> records;
    static long ledgerUnits;
    static int ledgerLines;

    @BeforeAll
    static void export() throws IOException {
        Fixture f = Fixture.standard("acct-1");
        RunTables tables = new RunTables(f.accounts, f.catalog, true);
        long[] total = {0, 0};
        f.run(tables, line -> {
            total[0] = Money.add(total[0], line.amountUnits());
            total[1]++;
        });
        ledgerUnits = total[0];
        ledgerLines = (int) total[1];
        StringWriter out = new StringWriter();
        tables.focus().write(out, CsvDialect.RFC4180);
        records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(out.toString())).getRecords();
    }

    @Test
    void everyMandatoryAndApplicableConditionalColumnOfFocus12IsPresent() {
        assertEquals(57, FOCUS_1_2_ALL.size());
        assertEquals("1.2", FocusTable.FOCUS_VERSION);
        for (String column : FOCUS_1_2.keySet()) {
            assertTrue(FOCUS_1_2_ALL.contains(column), column + " is listed here but is no FOCUS 1.2 column");
            assertTrue(FocusTable.COLUMNS.contains(column), "missing FOCUS 1.2 column " + column);
        }
        boolean custom = false;
        for (String column : FocusTable.COLUMNS) {
            assertTrue(FOCUS_1_2_ALL.contains(column) || column.startsWith("x_"),
                    column + " is neither a FOCUS 1.2 column nor a custom x_ column");
            if (column.startsWith("x_")) custom = true;
            else assertFalse(custom, "FOCUS columns come before custom ones: " + column);
        }
    }

    @Test
    void thePricingCurrencyColumnsRepeatTheBilledFiguresBecauseMetaPricesInTheBilledCurrency() {
        for (CSVRecord r : records) {
            assertEquals(r.get("BillingCurrency"), r.get("PricingCurrency"));
            assertEquals(r.get("EffectiveCost"), r.get("PricingCurrencyEffectiveCost"));
            assertEquals(r.get("ListUnitPrice"), r.get("PricingCurrencyListUnitPrice"));
            assertEquals(r.get("ListUnitPrice"), r.get("ContractedUnitPrice"));
            assertEquals(r.get("ContractedUnitPrice"), r.get("PricingCurrencyContractedUnitPrice"));
        }
    }

    @Test
    void theMetadataDescribesEveryColumnInOrderWithItsType() throws IOException {
        StringWriter out = new StringWriter();
        FocusMetadata.write(out, "test");
        JsonNode meta = new ObjectMapper().readTree(out.toString());
        assertEquals("wabill", meta.path("DataGenerator").path("DataGenerator").asText());
        JsonNode schema = meta.path("Schemas").get(0);
        assertEquals("1.2", schema.path("FocusVersion").asText());
        assertTrue(DATETIME.matcher(schema.path("CreationDate").asText()).matches());
        java.util.UUID.fromString(schema.path("SchemaId").asText());
        JsonNode columns = schema.path("ColumnDefinition");
        assertEquals(FocusTable.COLUMNS.size(), columns.size());
        for (int i = 0; i < columns.size(); i++) {
            JsonNode c = columns.get(i);
            String name = FocusTable.COLUMNS.get(i);
            assertEquals(name, c.path("ColumnName").asText());
            Spec spec = FOCUS_1_2.get(name);
            if (spec != null) assertEquals(spec.type().name(), c.path("DataType").asText().toUpperCase(java.util.Locale.ROOT), name);
        }
        StringWriter again = new StringWriter();
        FocusMetadata.write(again, "test");
        assertEquals(out.toString(), again.toString(), "the same schema, the same bytes and id");
        assertEquals("focus.metadata.json", FocusMetadata.fileNameFor("focus.csv"));
    }

    @Test
    void everyCellHasItsColumnsTypeAndNullability() throws IOException {
        ObjectMapper json = new ObjectMapper();
        assertFalse(records.isEmpty());
        for (CSVRecord r : records) {
            for (Map.Entry<String, Spec> e : FOCUS_1_2.entrySet()) {
                String v = r.get(e.getKey());
                if (v.isEmpty()) {
                    if (!e.getValue().nullable()) fail(e.getKey() + " must not be null, row " + r.getRecordNumber());
                    continue;
                }
                switch (e.getValue().type()) {
                    case DECIMAL -> assertTrue(DECIMAL.matcher(v).matches(), e.getKey() + " not a FOCUS decimal: " + v);
                    case DATETIME -> assertTrue(DATETIME.matcher(v).matches(), e.getKey() + " not a FOCUS date/time: " + v);
                    case JSON -> {
                        JsonNode node = json.readTree(v);
                        assertTrue(node.isObject(), e.getKey() + " must be a JSON object: " + v);
                        node.properties().forEach(f -> assertTrue(f.getValue().isValueNode(),
                                "tag values are numbers, strings, booleans or null: " + v));
                        node.fieldNames().forEachRemaining(k -> assertTrue(k.startsWith("wabill/"),
                                "provider tags carry the provider prefix: " + k));
                    }
                    case STRING -> { }
                }
            }
        }
    }

    @Test
    void vocabularyColumnsHoldAllowedValues() {
        for (CSVRecord r : records) {
            assertTrue(CHARGE_CATEGORIES.contains(r.get("ChargeCategory")));
            assertTrue(r.get("ChargeClass").isEmpty() || r.get("ChargeClass").equals("Correction"));
            assertTrue(SERVICE_CATEGORIES.contains(r.get("ServiceCategory")));
            assertTrue(CHARGE_FREQUENCIES.contains(r.get("ChargeFrequency")));
            assertTrue(PRICING_CATEGORIES.contains(r.get("PricingCategory")));
            assertEquals(r.get("BillingCurrency"), Currency.getInstance(r.get("BillingCurrency")).getCurrencyCode());
            // Usage rows that are no correction need a SKU, a price and a unit (SkuId, SkuPriceId, ListUnitPrice, PricingUnit).
            for (String col : List.of("SkuId", "SkuPriceId", "ListUnitPrice", "PricingUnit", "PricingQuantity"))
                assertFalse(r.get(col).isEmpty(), col + " is null on a usage row");
        }
    }

    @Test
    void costsAreConsistentAsFocusRequires() {
        for (CSVRecord r : records) {
            BigDecimal list = new BigDecimal(r.get("ListCost"));
            assertEquals(0, new BigDecimal(r.get("ListUnitPrice")).multiply(new BigDecimal(r.get("PricingQuantity")))
                    .compareTo(list), "ListUnitPrice x PricingQuantity = ListCost");
            assertEquals(0, new BigDecimal(r.get("ContractedCost")).compareTo(list), "no negotiated prices");
            assertEquals(r.get("BilledCost"), r.get("EffectiveCost"), "no commitments to amortize");
            assertTrue(new BigDecimal(r.get("BilledCost")).compareTo(list) <= 0, "volume tiers only lower a cost");
            Instant cs = Instant.parse(r.get("ChargePeriodStart")), ce = Instant.parse(r.get("ChargePeriodEnd"));
            Instant bs = Instant.parse(r.get("BillingPeriodStart")), be = Instant.parse(r.get("BillingPeriodEnd"));
            assertTrue(cs.isBefore(ce) && !cs.isBefore(bs) && !ce.isAfter(be), "charge period inside billing period");
        }
    }

    @Test
    void theFocusTotalEqualsTheLedgerTotalToTheLastDigit() {
        BigDecimal focus = BigDecimal.ZERO;
        for (CSVRecord r : records) focus = focus.add(new BigDecimal(r.get("BilledCost")));
        assertEquals(0, focus.compareTo(Money.toDecimal(ledgerUnits)), focus + " vs " + Money.toDecimal(ledgerUnits));
        assertTrue(ledgerUnits > 0);
    }

    @Test
    void oneRowPerDayAccountMarketCategoryAndPricingType() {
        Set<String> seen = new HashSet<>();
        for (CSVRecord r : records)
            assertTrue(seen.add(r.get("ChargePeriodStart") + "|" + r.get("SubAccountId") + "|" + r.get("RegionName") + "|"
                    + r.get("x_BillableCategory") + "|" + r.get("x_PricingType")), "duplicate grain in row " + r.getRecordNumber());
        long messages = records.stream().mapToLong(r -> Long.parseLong(r.get("x_Messages"))).sum();
        // Everything but the inbound message is delivered business traffic.
        assertEquals(ledgerLines - 1, messages);
    }

    @Test
    void aTieredDayIsPricedBelowItsListCostAndChargesStartAtLocalMidnight() {
        CSVRecord tiered = records.stream().filter(r -> r.get("ChargePeriodStart").equals("2026-10-03T03:00:00Z")
                && r.get("x_BillableCategory").equals("utility") && r.get("RegionName").equals("Brazil")).findFirst().orElseThrow();
        // The 4th charged utility message of October in Brazil is in the second band: 0.0070 against a list of 0.0080.
        assertEquals("0.0070", tiered.get("BilledCost"));
        assertEquals("0.0080", tiered.get("ListCost"));
        assertEquals("2026-10-01T03:00:00Z", tiered.get("BillingPeriodStart"));
        assertEquals("2026-11-01T03:00:00Z", tiered.get("BillingPeriodEnd"));
        assertEquals("portfolio-1", tiered.get("BillingAccountId"));
    }
}
