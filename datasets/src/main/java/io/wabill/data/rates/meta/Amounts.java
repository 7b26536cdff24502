package io.wabill.data.rates.meta;

import io.wabill.sim.money.Money;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads rates and message counts exactly as printed. Liberal about decoration (currency signs, thousands
 * separators, "100000.0" from a spreadsheet export), strict about the value: anything that is not
 * unambiguously one decimal number is rejected rather than guessed, and nothing passes through a double.
 */
final class Amounts {
    /** Meta's "no upper limit" ("--") and its usual variants. */
    private static final Pattern OPEN = Pattern.compile("(?i)(--+|-|—|–|∞|\\+|no limit|unlimited|and above|or more|max)");
    private static final Pattern CURRENCY_PREFIX = Pattern.compile(
            "^(US\\$|\\$US|U\\$S|R\\$|A\\$|AU\\$|C\\$|CA\\$|S\\$|SG\\$|HK\\$|NZ\\$|MX\\$|COL\\$|Rp\\.?|Rs\\.?|[$€£₹]|[A-Z]{3}(?=\\s*[-.\\d]))\\s*");
    private static final Pattern CURRENCY_SUFFIX = Pattern.compile("\\s*([$€£₹]|[A-Z]{3})$");
    private static final Pattern GROUPED = Pattern.compile("\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?");
    private static final Pattern PLAIN = Pattern.compile("\\d+(?:\\.\\d*)?|\\.\\d+");
    private static final Pattern SCIENTIFIC = Pattern.compile("(?:\\d+(?:\\.\\d*)?|\\.\\d+)[eE][+-]?\\d{1,3}");
    private static final Pattern COUNT_GROUPED = Pattern.compile("\\d{1,3}(?:([, '’])\\d{3})(?:\\1\\d{3})*");
    private static final Pattern DASHES = Pattern.compile("[\\u2010\\u2011\\u2012\\u2013\\u2014\\u2212]");
    private static final Pattern RANGE = Pattern.compile("(?i)^(.*?\\d)\\s*(?:-|to)\\s*(.*)$");
    private static final Pattern OPEN_RANGE = Pattern.compile("(?i)^(.*?\\d)\\s*(\\+|and above|or more|and over|and up|or above)$");

    private Amounts() {}

    /** A printed rate: {@code 0.0260}, {@code $0.0260}, {@code 1,234.5678}, {@code 9.0E-4}. */
    static BigDecimal rate(String printed) {
        String t = Labels.clean(DASHES.matcher(printed).replaceAll("-"));
        boolean negative = false;
        if (t.startsWith("-")) { negative = true; t = t.substring(1).trim(); }
        Matcher prefix = CURRENCY_PREFIX.matcher(t);
        if (prefix.find()) t = t.substring(prefix.end());
        if (t.startsWith("-") && !negative) { negative = true; t = t.substring(1).trim(); }
        Matcher suffix = CURRENCY_SUFFIX.matcher(t);
        if (suffix.find()) t = t.substring(0, suffix.start());
        BigDecimal value;
        if (GROUPED.matcher(t).matches()) value = new BigDecimal(t.replace(",", ""));
        else if (PLAIN.matcher(t).matches() || SCIENTIFIC.matcher(t).matches()) value = new BigDecimal(t);
        else throw new NumberFormatException("'" + printed + "' is not a rate (expected a decimal number such as 0.0260)");
        return negative ? value.negate() : value;
    }

    /** Why a rate cannot be used, or null: rates are never negative and fit the ledger's eight decimals. */
    static String rateProblem(BigDecimal rate) {
        if (rate.signum() < 0) return "negative rate " + rate.toPlainString();
        BigDecimal stripped = rate.stripTrailingZeros();
        if (stripped.scale() > Money.SCALE) {
            return "rate " + rate.toPlainString() + " has more than " + Money.SCALE + " decimals";
        }
        return io.wabill.data.io.ModelBounds.checkRate(rate);
    }

    static boolean isOpen(String printed) {
        return OPEN.matcher(Labels.clean(printed)).matches();
    }

    /** A message count: {@code 100000}, {@code 100,000}, {@code 100000.0}, {@code 1.5E7}; never negative. */
    static long count(String printed) {
        String t = Labels.clean(DASHES.matcher(printed).replaceAll("-"));
        if (t.startsWith("-")) throw new NumberFormatException("negative message count '" + printed + "'");
        if (COUNT_GROUPED.matcher(t).matches()) t = t.replaceAll("[, '’]", "");
        if (!(PLAIN.matcher(t).matches() || SCIENTIFIC.matcher(t).matches())) {
            throw new NumberFormatException("'" + printed + "' is not a message count");
        }
        try {
            return new BigDecimal(t).longValueExact();
        } catch (ArithmeticException e) {
            throw new NumberFormatException("'" + printed + "' is not a whole message count");
        }
    }

    /**
     * A volume range as one cell: {@code 0 – 100,000}, {@code 100,001 - 1,000,000}, {@code 45,000,001+},
     * {@code 45,000,001 – --}, {@code 0 to 100000}. Returns {from, to} with an open end as Long.MAX_VALUE.
     */
    static long[] range(String printed) {
        String t = Labels.clean(DASHES.matcher(printed).replaceAll("-"));
        Matcher open = OPEN_RANGE.matcher(t);
        if (open.matches()) return new long[] {count(open.group(1)), Long.MAX_VALUE};
        Matcher m = RANGE.matcher(t);
        if (!m.matches()) {
            throw new NumberFormatException("'" + printed + "' is not a volume range (expected e.g. 100,001 – 1,000,000 or 45,000,001+)");
        }
        String upper = m.group(2).trim();
        long to = upper.isEmpty() || isOpen(upper) ? Long.MAX_VALUE : count(upper);
        return new long[] {count(m.group(1)), to};
    }

    static String plain(long count) {
        return count == Long.MAX_VALUE ? "--" : String.format(Locale.ROOT, "%,d", count);
    }
}
