package io.wabill.data.rates.meta;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a title row says: "Cost per message in USD on the WhatsApp Business Platform, effective October 1,
 * 2026". Either part may be missing; {@code problem} says why a date that is there could not be read.
 */
record CardTitle(String currency, LocalDate effective, String problem) {
    private static final Pattern COST_PER = Pattern.compile("(?i)\\bcost\\s+per\\s+\\w+\\s+in\\s+([^\\s,]+)");
    private static final Pattern IN_CODE = Pattern.compile("\\bin\\s+([A-Z]{3})\\b");
    private static final Pattern EFFECTIVE = Pattern.compile(
            "(?i)\\beffective\\s+(?:as\\s+of\\s+|from\\s+|on\\s+)?([A-Za-z]+)\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})");
    private static final Pattern EFFECTIVE_ISO = Pattern.compile("(?i)\\beffective\\s+(\\d{4})-(\\d{2})-(\\d{2})");
    private static final Pattern FILE_DATE = Pattern.compile("(\\d{4})[-_](\\d{2})[-_](\\d{2})");
    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("january", 1), Map.entry("february", 2), Map.entry("march", 3), Map.entry("april", 4),
            Map.entry("may", 5), Map.entry("june", 6), Map.entry("july", 7), Map.entry("august", 8),
            Map.entry("september", 9), Map.entry("october", 10), Map.entry("november", 11),
            Map.entry("december", 12), Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3),
            Map.entry("apr", 4), Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8),
            Map.entry("sep", 9), Map.entry("sept", 9), Map.entry("oct", 10), Map.entry("nov", 11),
            Map.entry("dec", 12));

    static final CardTitle NONE = new CardTitle(null, null, null);

    /** Whether a row reads like Meta's title rather than a note. */
    static boolean looksLikeTitle(String text) {
        return COST_PER.matcher(text).find() || EFFECTIVE.matcher(text).find() || EFFECTIVE_ISO.matcher(text).find();
    }

    static CardTitle parse(String text) {
        String currency = null;
        Matcher m = COST_PER.matcher(text);
        if (m.find()) currency = Currencies.code(m.group(1));
        if (currency == null) {
            Matcher code = IN_CODE.matcher(text);
            if (code.find()) currency = code.group(1);
        }
        LocalDate effective = null;
        String problem = null;
        Matcher iso = EFFECTIVE_ISO.matcher(text);
        Matcher d = EFFECTIVE.matcher(text);
        try {
            if (iso.find()) {
                effective = LocalDate.of(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)),
                        Integer.parseInt(iso.group(3)));
            } else if (d.find()) {
                Integer month = MONTHS.get(d.group(1).toLowerCase(Locale.ROOT));
                if (month == null) problem = "the title's month '" + d.group(1) + "' is not an English month name";
                else effective = LocalDate.of(Integer.parseInt(d.group(3)), month, Integer.parseInt(d.group(2)));
            }
        } catch (DateTimeException e) {
            problem = "the title's effective date is not a real date: " + e.getMessage();
        }
        return new CardTitle(currency, effective, problem);
    }

    /** The date in a file name such as {@code meta-rates-USD-2026-10-01.csv}, or null. */
    static LocalDate dateInFileName(String name) {
        Matcher m = FILE_DATE.matcher(name);
        LocalDate found = null;
        while (m.find()) {
            try {
                found = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)));
            } catch (DateTimeException e) {
                // Not a date after all (a run of digits in a name); keep looking.
            }
        }
        return found;
    }
}
