package io.wabill.report.focus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wabill.report.CsvDialect;
import io.wabill.report.CsvWriter;
import io.wabill.report.LedgerFormat;
import io.wabill.report.LocalDays;
import io.wabill.sim.domain.MessageKind;
import io.wabill.sim.domain.PricingModel;
import io.wabill.sim.domain.PricingType;
import io.wabill.sim.engine.LedgerLine;
import io.wabill.sim.engine.LedgerSink;
import io.wabill.sim.money.Money;
import io.wabill.sim.rates.Bands;
import io.wabill.sim.rates.RateCard;
import io.wabill.sim.rates.RateCatalog;
import io.wabill.sim.rates.RateCategory;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The FOCUS 1.2 cost and usage export ({@code --focus FILE}): one row per (account-local day, account, market,
 * billable category, pricing type) of delivered business messages, so FinOps tools can load WhatsApp costs next
 * to cloud and SaaS costs. Inbound, rejected and undelivered rows are no usage and cost nothing, so they are left
 * out; the BilledCost total equals the ledger's total to the last digit.
 *
 * <p>Mapping: the business portfolio is the billing account (Meta invoices the portfolio), the WhatsApp Business
 * Account is the sub account, the market is the region. ListUnitPrice is the card's list rate (a tiered category's
 * first band, D6); volume-tier discounts make BilledCost = EffectiveCost lower than ListCost. Meta negotiates no
 * prices, so ContractedCost equals ListCost, as FOCUS says when no negotiated discount applies. Meta prices in the
 * currency it bills, so the PricingCurrency columns (FOCUS 1.2) repeat the billing currency's figures. FOCUS 1.2's
 * InvoiceId is left out: a simulation has no invoice, and FOCUS requires the column only of issuers of payable
 * invoices. {@link FocusMetadata} describes the columns in a metadata file next to the CSV.
 */
public final class FocusTable implements LedgerSink {
    /** The FOCUS version the columns and values follow. */
    public static final String FOCUS_VERSION = "1.2";

    /** Columns in the order written: FOCUS columns alphabetically, as the specification lists them, then x_ ones. */
    public static final List<String> COLUMNS = List.of("BilledCost", "BillingAccountId", "BillingAccountName",
            "BillingAccountType", "BillingCurrency", "BillingPeriodEnd", "BillingPeriodStart", "ChargeCategory",
            "ChargeClass", "ChargeDescription", "ChargeFrequency", "ChargePeriodEnd", "ChargePeriodStart",
            "ConsumedQuantity", "ConsumedUnit", "ContractedCost", "ContractedUnitPrice", "EffectiveCost",
            "InvoiceIssuerName", "ListCost", "ListUnitPrice", "PricingCategory", "PricingCurrency",
            "PricingCurrencyContractedUnitPrice", "PricingCurrencyEffectiveCost", "PricingCurrencyListUnitPrice",
            "PricingQuantity", "PricingUnit", "ProviderName", "PublisherName",
            "RegionId", "RegionName", "ServiceCategory", "ServiceName", "ServiceSubcategory", "SkuId", "SkuPriceId",
            "SubAccountId", "SubAccountName", "SubAccountType", "Tags",
            "x_Messages", "x_PricingType", "x_BillableCategory", "x_RateCard");

    static final String PROVIDER = "Meta";
    static final String SERVICE = "WhatsApp Business Platform";
    /** FOCUS has no messaging category for customer conversations; business applications is the nearest. */
    static final String SERVICE_CATEGORY = "Business Applications";
    static final String SERVICE_SUBCATEGORY = "Other (Business Applications)";
    /** Tags are a JSON object (FOCUS KeyValueFormat); a TreeMap keeps the keys sorted, so the bytes are stable. */
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter FOCUS_INSTANT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private record Key(String day, String account, String portfolio, String market, String billable, String type,
                       String model, String regime, String rateCard, String currency, String unit, long listUnits,
                       String tokenRate, int month) {
        static final Comparator<Key> ORDER = Comparator.comparing(Key::day).thenComparing(Key::account)
                .thenComparing(Key::market).thenComparing(Key::billable).thenComparing(Key::type)
                .thenComparing(Key::portfolio).thenComparing(Key::currency).thenComparing(Key::model)
                .thenComparing(Key::regime).thenComparing(Key::rateCard).thenComparing(Key::unit)
                .thenComparingLong(Key::listUnits).thenComparing(Key::tokenRate).thenComparingInt(Key::month);
    }

    private static final class Cell {
        long quantity, messages, units, listUnits;
    }

    private final LocalDays days;
    private final RateCatalog catalog;
    private final Map<String, RateCard> cards = new HashMap<>();
    private final TreeMap<Key, Cell> cells = new TreeMap<>(Key.ORDER);

    public FocusTable(LocalDays days, RateCatalog catalog) {
        this.days = days;
        this.catalog = catalog;
    }

    @Override public void accept(LedgerLine l) {
        PricingType type = l.type();
        if (type == PricingType.INBOUND || type == PricingType.REJECTED || type == PricingType.UNDELIVERED) return;
        String account = l.message().account();
        String portfolio = l.message().portfolio() != null && !l.message().portfolio().isEmpty()
                ? l.message().portfolio() : days.account(account).portfolio();
        boolean tokens = l.message().kind() == MessageKind.AGENT && type.isCharged() && l.rateCard() == null;
        String unit = tokens ? "Tokens"
                : l.model() == PricingModel.CBP && (type == PricingType.REGULAR || type == PricingType.FREE_TIER)
                ? "Conversations" : "Messages";
        long listUnits = type.isCharged() && !tokens ? listUnits(l) : 0;
        // A token rate may have more decimals than money units hold (E6), so it is kept as printed.
        String tokenRate = tokens ? l.rate().stripTrailingZeros().toPlainString() : "";
        Key key = new Key(days.day(account, l.chargedAt()).toString(), account, portfolio,
                l.market() == null ? "" : l.market(), l.billable().code(), type.code(), l.model().name(),
                l.regime() == null ? "" : l.regime().label(), l.rateCard() == null ? "" : l.rateCard(), l.currency(),
                unit, listUnits, tokenRate, l.localMonth());
        Cell c = cells.computeIfAbsent(key, k -> new Cell());
        long quantity = tokens ? l.message().tokens() : 1;
        c.quantity += quantity;
        c.messages++;
        c.units = Money.add(c.units, l.amountUnits());
        c.listUnits = Money.add(c.listUnits, tokens ? l.amountUnits() : listUnits);
    }

    /** Adds the cells of a table priced apart (another portfolio's lane); the accounts do not overlap. */
    public void addAll(FocusTable other) {
        for (var e : other.cells.entrySet()) {
            Cell c = cells.computeIfAbsent(e.getKey(), k -> new Cell());
            Cell o = e.getValue();
            c.quantity += o.quantity;
            c.messages += o.messages;
            c.units = Money.add(c.units, o.units);
            c.listUnits = Money.add(c.listUnits, o.listUnits);
        }
    }

    /**
     * The list rate of a charged line in 10^-8 units: the rate it was charged at, or for a band of a tiered
     * category the first band of that category on the card in force (the undiscounted rate, D6).
     */
    private long listUnits(LedgerLine l) {
        if (l.band() != null) {
            RateCard card = card(l.rateCard());
            RateCategory category = RateCategory.parse(l.billable().code());
            Bands bands = card == null || category == null ? null : card.bands(l.market(), category);
            if (bands != null) return bands.unitsAt(0);
        }
        return l.amountUnits();
    }

    private RateCard card(String id) {
        if (id == null) return null;
        return cards.computeIfAbsent(id, k -> {
            int at = k.indexOf('@');
            return at < 0 ? null : catalog.card(k.substring(0, at), LocalDate.parse(k.substring(at + 1)));
        });
    }

    /** The export's rows in file order: by day, account, market, billable category, pricing type. */
    public List<FocusRow> rows() {
        List<FocusRow> rows = new ArrayList<>(cells.size());
        for (Map.Entry<Key, Cell> e : cells.entrySet()) {
            Key k = e.getKey();
            Cell c = e.getValue();
            LocalDate day = LocalDate.parse(k.day());
            LocalDate month = LocalDate.of(k.month() / 12, k.month() % 12 + 1, 1);
            BigDecimal listCost = Money.toDecimal(c.listUnits);
            // Tokens: the list rate per token is the charged rate, and amount = rate x tokens exactly (E6).
            BigDecimal unitPrice = !k.tokenRate().isEmpty() ? new BigDecimal(k.tokenRate())
                    : Money.toDecimal(k.listUnits()).stripTrailingZeros();
            rows.add(new FocusRow(days.startOf(k.account(), day), days.startOf(k.account(), day.plusDays(1)),
                    days.startOf(k.account(), month), days.startOf(k.account(), month.plusMonths(1)),
                    k.portfolio(), k.account(), k.market(), k.billable(), k.type(), k.model(), k.regime(),
                    k.rateCard(), k.currency(), k.unit(), c.quantity, c.messages, unitPrice, listCost,
                    Money.toDecimal(c.units)));
        }
        return rows;
    }

    /** Total BilledCost per currency, in 10^-8 units. */
    public Map<String, Long> totals() {
        Map<String, Long> t = new TreeMap<>();
        cells.forEach((k, c) -> t.merge(k.currency(), c.units, Money::add));
        return t;
    }

    /** A FOCUS date/time: UTC, 'YYYY-MM-DDTHH:mm:ssZ' (FOCUS DateTimeFormat). */
    public static String instant(Instant i) { return FOCUS_INSTANT.format(i); }

    /** A FOCUS decimal: plain digits and a point, never an exponent or a plus sign (FOCUS NumericFormat). */
    public static String decimal(BigDecimal d) {
        return d.signum() == 0 ? "0" : d.toPlainString();
    }

    public void write(Writer out, CsvDialect dialect) throws IOException {
        CsvWriter csv = new CsvWriter(out, dialect);
        csv.row(COLUMNS.toArray(new String[0]));
        for (FocusRow r : rows()) {
            String billed = LedgerFormat.amount(r.billedCost());
            String list = LedgerFormat.amount(r.listCost());
            String unitPrice = decimal(r.listUnitPrice());
            csv.raw(billed);                                   // BilledCost
            csv.text(r.portfolio());                           // BillingAccountId
            csv.text(r.portfolio());                           // BillingAccountName
            csv.raw("Business Portfolio");                     // BillingAccountType
            csv.raw(r.currency());                             // BillingCurrency
            csv.raw(instant(r.billingEnd()));                  // BillingPeriodEnd (exclusive)
            csv.raw(instant(r.billingStart()));                // BillingPeriodStart
            csv.raw("Usage");                                  // ChargeCategory
            csv.raw("");                                       // ChargeClass: no corrections
            csv.text(description(r));                          // ChargeDescription
            csv.raw("Usage-Based");                            // ChargeFrequency
            csv.raw(instant(r.chargeEnd()));                   // ChargePeriodEnd (exclusive)
            csv.raw(instant(r.chargeStart()));                 // ChargePeriodStart
            csv.number(r.quantity());                          // ConsumedQuantity
            csv.raw(r.pricingUnit());                          // ConsumedUnit
            csv.raw(list);                                     // ContractedCost = ListCost (no negotiated prices)
            csv.raw(unitPrice);                                // ContractedUnitPrice = ListUnitPrice
            csv.raw(billed);                                   // EffectiveCost = BilledCost (no commitments)
            csv.raw(PROVIDER);                                 // InvoiceIssuerName
            csv.raw(list);                                     // ListCost
            csv.raw(unitPrice);                                // ListUnitPrice
            csv.raw("Standard");                               // PricingCategory
            csv.raw(r.currency());                             // PricingCurrency: Meta prices in the billed currency
            csv.raw(unitPrice);                                // PricingCurrencyContractedUnitPrice
            csv.raw(billed);                                   // PricingCurrencyEffectiveCost
            csv.raw(unitPrice);                                // PricingCurrencyListUnitPrice
            csv.number(r.quantity());                          // PricingQuantity
            csv.raw(r.pricingUnit());                          // PricingUnit
            csv.raw(PROVIDER);                                 // ProviderName
            csv.raw(PROVIDER);                                 // PublisherName
            csv.text(regionId(r.market()));                    // RegionId
            csv.text(r.market());                              // RegionName
            csv.raw(SERVICE_CATEGORY);                         // ServiceCategory
            csv.raw(SERVICE);                                  // ServiceName
            csv.raw(SERVICE_SUBCATEGORY);                      // ServiceSubcategory
            csv.text(skuId(r));                                // SkuId
            csv.text(skuId(r) + "/" + r.pricingType());        // SkuPriceId
            csv.text(r.account());                             // SubAccountId
            csv.text(r.account());                             // SubAccountName
            csv.raw("WhatsApp Business Account");              // SubAccountType
            csv.text(tags(r));                                 // Tags
            csv.number(r.messages());                          // x_Messages
            csv.raw(r.pricingType());                          // x_PricingType
            csv.raw(r.billableCategory());                     // x_BillableCategory
            csv.raw(r.rateCard());                             // x_RateCard
            csv.endRow();
        }
        csv.close();
    }

    /** A SKU per pricing model, billable category and market: what one list rate of Meta's cards prices. */
    static String skuId(FocusRow r) {
        return "whatsapp/" + r.pricingModel().toLowerCase(Locale.ROOT) + "/" + r.billableCategory() + "/"
                + regionId(r.market());
    }

    static String regionId(String market) {
        return market.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    static String description(FocusRow r) {
        String what = r.billableCategory().isEmpty() ? "" : r.billableCategory().replace('_', ' ') + " ";
        return "WhatsApp " + what + r.pricingUnit().toLowerCase(Locale.ROOT) + " to " + r.market() + ", "
                + r.pricingType().replace('_', ' ') + " (" + r.regime()
                + (r.rateCard().isEmpty() ? "" : ", card " + r.rateCard()) + ")";
    }

    /** Provider-defined tags carry the prefix {@code wabill/}, as FOCUS asks of provider tags. */
    static String tags(FocusRow r) {
        Map<String, String> t = new TreeMap<>();
        t.put("wabill/billable_category", r.billableCategory());
        t.put("wabill/pricing_model", r.pricingModel());
        t.put("wabill/pricing_type", r.pricingType());
        t.put("wabill/regime", r.regime());
        if (!r.rateCard().isEmpty()) t.put("wabill/rate_card", r.rateCard());
        try {
            return JSON.writeValueAsString(t);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always serializes", e);
        }
    }
}
