package io.wabill.report.focus;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/**
 * The FOCUS metadata of the export ({@code focus.csv} gets {@code focus.metadata.json} next to it): who generated the
 * data and the schema of its columns (name, data type, precision, encoding, tag prefix), so a FinOps tool can load the
 * CSV without guessing types. FOCUS asks for the schema to be retrievable apart from the dataset; a file beside it is
 * that. The SchemaId is derived from the FOCUS version and the column definitions, so the same schema always has the
 * same id and a changed one a new id, as FOCUS requires of schema changes.
 */
public final class FocusMetadata {
    /** The generator's name in the metadata's DataGenerator object. */
    static final String GENERATOR = "wabill";
    /** When this schema (FOCUS 1.2 with wabill's columns) was defined; it changes only with the columns. */
    static final String SCHEMA_CREATED = "2026-12-03T00:00:00Z";
    /** Amounts are written with at most 8 decimal places (money units of 10^-8) and fit 20 integer digits. */
    static final int SCALE = 8;
    static final int PRECISION = 28;

    /** The data type of each column, as FOCUS names them; every column of {@link FocusTable#COLUMNS} has one. */
    static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("BilledCost", "Decimal"), Map.entry("BillingAccountId", "String"),
            Map.entry("BillingAccountName", "String"), Map.entry("BillingAccountType", "String"),
            Map.entry("BillingCurrency", "String"), Map.entry("BillingPeriodEnd", "DateTime"),
            Map.entry("BillingPeriodStart", "DateTime"), Map.entry("ChargeCategory", "String"),
            Map.entry("ChargeClass", "String"), Map.entry("ChargeDescription", "String"),
            Map.entry("ChargeFrequency", "String"), Map.entry("ChargePeriodEnd", "DateTime"),
            Map.entry("ChargePeriodStart", "DateTime"), Map.entry("ConsumedQuantity", "Decimal"),
            Map.entry("ConsumedUnit", "String"), Map.entry("ContractedCost", "Decimal"),
            Map.entry("ContractedUnitPrice", "Decimal"), Map.entry("EffectiveCost", "Decimal"),
            Map.entry("InvoiceIssuerName", "String"), Map.entry("ListCost", "Decimal"),
            Map.entry("ListUnitPrice", "Decimal"), Map.entry("PricingCategory", "String"),
            Map.entry("PricingCurrency", "String"), Map.entry("PricingCurrencyContractedUnitPrice", "Decimal"),
            Map.entry("PricingCurrencyEffectiveCost", "Decimal"), Map.entry("PricingCurrencyListUnitPrice", "Decimal"),
            Map.entry("PricingQuantity", "Decimal"), Map.entry("PricingUnit", "String"),
            Map.entry("ProviderName", "String"), Map.entry("PublisherName", "String"), Map.entry("RegionId", "String"),
            Map.entry("RegionName", "String"), Map.entry("ServiceCategory", "String"), Map.entry("ServiceName", "String"),
            Map.entry("ServiceSubcategory", "String"), Map.entry("SkuId", "String"), Map.entry("SkuPriceId", "String"),
            Map.entry("SubAccountId", "String"), Map.entry("SubAccountName", "String"),
            Map.entry("SubAccountType", "String"), Map.entry("Tags", "JSON"), Map.entry("x_Messages", "Decimal"),
            Map.entry("x_PricingType", "String"), Map.entry("x_BillableCategory", "String"),
            Map.entry("x_RateCard", "String"));

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private FocusMetadata() {}

    /** {@code focus.csv} → {@code focus.metadata.json}: the metadata file of an export file. */
    public static String fileNameFor(String exportFileName) {
        int dot = exportFileName.lastIndexOf('.');
        return (dot > 0 ? exportFileName.substring(0, dot) : exportFileName) + ".metadata.json";
    }

    /** The metadata object: DataGenerator and one Schema with a ColumnDefinition per column, in column order. */
    public static ObjectNode metadata(String generatorVersion) {
        ObjectNode root = JSON.createObjectNode();
        root.putObject("DataGenerator").put("DataGenerator", GENERATOR);
        ArrayNode columns = JSON.createArrayNode();
        for (String name : FocusTable.COLUMNS) {
            String type = TYPES.get(name);
            if (type == null) throw new IllegalStateException("no FOCUS data type for column " + name);
            ObjectNode c = columns.addObject();
            c.put("ColumnName", name);
            c.put("DataType", type);
            switch (type) {
                case "Decimal" -> c.put("NumberScale", name.equals("x_Messages") ? 0 : SCALE)
                        .put("NumberPrecision", PRECISION);
                case "String" -> c.put("StringEncoding", "UTF-8");
                case "JSON" -> c.put("StringEncoding", "UTF-8").putArray("ProviderTagPrefix").add("wabill/");
                default -> { }
            }
        }
        ObjectNode schema = root.putArray("Schemas").addObject();
        schema.put("SchemaId", schemaId(columns));
        schema.put("FocusVersion", FocusTable.FOCUS_VERSION);
        schema.put("CreationDate", SCHEMA_CREATED);
        schema.put("DataGeneratorVersion", generatorVersion);
        schema.set("ColumnDefinition", columns);
        return root;
    }

    public static void write(Writer out, String generatorVersion) throws IOException {
        JSON.writeValue(out, metadata(generatorVersion));
        out.write('\n');
    }

    /** A name-based UUID of the version and column definitions: the same schema, the same id. */
    static String schemaId(ArrayNode columns) {
        String basis = "FOCUS " + FocusTable.FOCUS_VERSION + " " + columns;
        return UUID.nameUUIDFromBytes(basis.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
