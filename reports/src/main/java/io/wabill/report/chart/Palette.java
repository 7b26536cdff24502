package io.wabill.report.chart;

import java.awt.Color;
import java.util.List;
import java.util.Map;

/**
 * The one palette of every wabill chart: each billable category and each pricing type has its own colour, the same
 * in every chart and every run, so a reader learns it once. Markets and scenarios take colours by position.
 */
public final class Palette {
    /** Billable categories (PRICING.md vocabulary) in the order series are stacked. */
    public static final List<String> CATEGORY_ORDER = List.of("marketing", "marketing_lite", "utility", "authentication",
            "authentication_international", "service", "referral_conversion", "user_initiated", "business_initiated",
            "notification", "business_agent", "");

    private static final Map<String, Color> CATEGORY = Map.ofEntries(
            Map.entry("marketing", new Color(0x1f77b4)),
            Map.entry("marketing_lite", new Color(0x9ecae9)),
            Map.entry("utility", new Color(0x2ca02c)),
            Map.entry("authentication", new Color(0xff7f0e)),
            Map.entry("authentication_international", new Color(0xffbb78)),
            Map.entry("service", new Color(0x9467bd)),
            Map.entry("referral_conversion", new Color(0x17becf)),
            Map.entry("user_initiated", new Color(0x8c564b)),
            Map.entry("business_initiated", new Color(0xc49c94)),
            Map.entry("notification", new Color(0xe377c2)),
            Map.entry("business_agent", new Color(0xd62728)),
            Map.entry("", new Color(0x7f7f7f)));

    /** Pricing types (PRICING.md, "What the ledger reports"): charged first, then the free kinds. */
    public static final List<String> TYPE_ORDER = List.of("regular", "free_customer_service", "free_entry_point",
            "free_tier", "in_conversation", "free_late_delivery", "free_reaction", "rejected", "undelivered", "inbound");

    private static final Map<String, Color> TYPE = Map.ofEntries(
            Map.entry("regular", new Color(0xc0392b)),
            Map.entry("free_customer_service", new Color(0x27ae60)),
            Map.entry("free_entry_point", new Color(0x16a085)),
            Map.entry("free_tier", new Color(0x2980b9)),
            Map.entry("in_conversation", new Color(0x8e44ad)),
            Map.entry("free_late_delivery", new Color(0x7f8c8d)),
            Map.entry("free_reaction", new Color(0xf1c40f)),
            Map.entry("rejected", new Color(0x95a5a6)),
            Map.entry("undelivered", new Color(0xbdc3c7)),
            Map.entry("inbound", new Color(0x34495e)));

    /** Colours handed out by position (markets, scenarios), chosen to stay apart from each other. */
    private static final Color[] BY_POSITION = {new Color(0x4e79a7), new Color(0xf28e2b), new Color(0xe15759),
        new Color(0x76b7b2), new Color(0x59a14f), new Color(0xedc948), new Color(0xb07aa1), new Color(0xff9da7),
        new Color(0x9c755f), new Color(0xbab0ac)};

    public static final Color MARKER = new Color(0x555555);
    public static final Color MEDIAN = new Color(0x1f4e79);
    public static final Color BAND = new Color(0x9ecae1);

    private Palette() {}

    public static Color category(String code) { return CATEGORY.getOrDefault(code, Color.GRAY); }

    public static Color pricingType(String code) { return TYPE.getOrDefault(code, Color.GRAY); }

    public static Color position(int i) { return BY_POSITION[Math.floorMod(i, BY_POSITION.length)]; }

    /** Orders category codes as {@link #CATEGORY_ORDER}, unknown ones last by name. */
    public static int compareCategories(String a, String b) { return compareIn(CATEGORY_ORDER, a, b); }

    public static int compareTypes(String a, String b) { return compareIn(TYPE_ORDER, a, b); }

    private static int compareIn(List<String> order, String a, String b) {
        int ia = order.indexOf(a), ib = order.indexOf(b);
        if (ia < 0) ia = order.size();
        if (ib < 0) ib = order.size();
        return ia != ib ? Integer.compare(ia, ib) : a.compareTo(b);
    }

    /** How a category code reads on a chart; the empty category (inbound, rejected rows) has a name. */
    public static String label(String code) { return code.isEmpty() ? "(none)" : code; }
}
