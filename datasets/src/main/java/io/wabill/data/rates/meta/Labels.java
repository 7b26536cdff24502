package io.wabill.data.rates.meta;

import io.wabill.sim.rates.RateCategory;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Header and cell wording. Meta's headers vary in case, hyphens and line breaks
 * ({@code "Authentication-\nInternational"}), so labels are compared by their letters and digits only.
 */
final class Labels {
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2007\\u202F]+");
    private static final Pattern MARKET = Pattern.compile("(?is)markets?\\b.*");
    private static final Set<String> NOT_APPLICABLE = Set.of("n/a", "na", "n.a.", "n / a", "not applicable");
    /** Words that may follow a category name in a header ("Marketing rate", "User-initiated conversations"). */
    private static final String[] CATEGORY_SUFFIXES = {"", "rate", "rates", "conversation", "conversations",
            "conversationrate", "permessage", "perconversation"};
    private static final Set<String> CATEGORY_COLUMN = Set.of("category", "categories", "messagetype",
            "messagecategory", "type", "conversationtype", "conversationcategory", "pricingcategory");

    private Labels() {}

    /** Trims a cell, turning non-breaking and other odd spaces into plain ones. */
    static String clean(String cell) {
        return SPACES.matcher(cell).replaceAll(" ").trim();
    }

    /** The comparison key: lower-case letters and digits only. */
    static String key(String label) {
        StringBuilder b = new StringBuilder(label.length());
        for (char c : label.toLowerCase(Locale.ROOT).toCharArray()) if (Character.isLetterOrDigit(c)) b.append(c);
        return b.toString();
    }

    /** A header as it should appear in a message: one line, "Authentication-International". */
    static String display(String header) {
        return clean(header).replaceAll("-\\s+", "-");
    }

    static boolean isNotApplicable(String cell) {
        return NOT_APPLICABLE.contains(cell.trim().toLowerCase(Locale.ROOT));
    }

    /** Meta prints no rate as {@code n/a}; an empty cell means the same. */
    static boolean isAbsent(String cell) {
        return cell.isBlank() || isNotApplicable(cell);
    }

    /** "Market", "Markets", "Market (per rate card)"; not "Marketing". */
    static boolean isMarket(String header) {
        return MARKET.matcher(clean(header)).matches();
    }

    /** The rate category a header or cell names, or null. */
    static RateCategory category(String label) {
        String k = key(label);
        if (k.isEmpty()) return null;
        for (RateCategory c : RateCategory.values()) {
            String base = c.code().replace("_", "");
            for (String suffix : CATEGORY_SUFFIXES) if (k.equals(base + suffix)) return c;
        }
        return null;
    }

    /** The column of the long tier layout that names the category of each row. */
    static boolean isCategoryColumn(String header) {
        return CATEGORY_COLUMN.contains(key(header));
    }

    static boolean is(String header, String... keys) {
        String k = key(header);
        for (String candidate : keys) if (k.equals(candidate)) return true;
        return false;
    }

    /** The spreadsheet letter of a column (0 is A), for headers that print nothing. */
    static String letter(int column) {
        StringBuilder b = new StringBuilder();
        for (int c = column + 1; c > 0; c = (c - 1) / 26) b.insert(0, (char) ('A' + (c - 1) % 26));
        return b.toString();
    }
}
