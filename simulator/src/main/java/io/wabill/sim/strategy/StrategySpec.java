package io.wabill.sim.strategy;

import io.wabill.sim.domain.TemplateCategory;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The parameters of one strategy as written on the command line, {@code name:key=value,key=value}. Every
 * value is read with a typed getter that names the strategy, key and expected form when it is wrong, and
 * unknown keys are refused.
 */
public final class StrategySpec {
    private final String name;
    private final Map<String, String> params = new LinkedHashMap<>();
    private final Set<String> read = new java.util.HashSet<>();

    public StrategySpec(String text) {
        String t = text.trim();
        int colon = t.indexOf(':');
        name = (colon < 0 ? t : t.substring(0, colon)).trim().toLowerCase(Locale.ROOT);
        if (name.isEmpty()) throw new IllegalArgumentException("a strategy needs a name, was '" + text + "'");
        if (colon >= 0) {
            for (String kv : t.substring(colon + 1).split(",")) {
                if (kv.isBlank()) continue;
                int eq = kv.indexOf('=');
                if (eq <= 0) throw new IllegalArgumentException(name + ": expected key=value, was '" + kv.trim() + "'");
                params.put(kv.substring(0, eq).trim().toLowerCase(Locale.ROOT), kv.substring(eq + 1).trim());
            }
        }
    }

    public String name() { return name; }

    public Duration duration(String key, Duration fallback) {
        String v = take(key);
        if (v == null) return fallback;
        String s = v.toLowerCase(Locale.ROOT);
        try {
            if (s.matches("\\d+[dhm]")) {
                long n = Long.parseLong(s.substring(0, s.length() - 1));
                char unit = s.charAt(s.length() - 1);
                return unit == 'd' ? Duration.ofDays(n) : unit == 'h' ? Duration.ofHours(n) : Duration.ofMinutes(n);
            }
            return Duration.parse(v.toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new IllegalArgumentException(name + ": " + key + " expects a duration such as 12h, 90m or 2d, was '" + v + "'");
        }
    }

    public double share(String key, double fallback) {
        String v = take(key);
        if (v == null) return fallback;
        try {
            double p = v.endsWith("%") ? Double.parseDouble(v.substring(0, v.length() - 1)) / 100 : Double.parseDouble(v);
            if (p < 0 || p > 1) throw new NumberFormatException();
            return p;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": " + key + " expects a share from 0 to 1 (or 0% to 100%), was '" + v + "'");
        }
    }

    public long number(String key, long fallback) {
        String v = take(key);
        if (v == null) return fallback;
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": " + key + " expects a whole number, was '" + v + "'");
        }
    }

    public boolean flag(String key, boolean fallback) {
        String v = take(key);
        if (v == null) return fallback;
        if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("yes")) return true;
        if (v.equalsIgnoreCase("false") || v.equalsIgnoreCase("no")) return false;
        throw new IllegalArgumentException(name + ": " + key + " expects true or false, was '" + v + "'");
    }

    public LocalTime time(String key, LocalTime fallback) {
        String v = take(key);
        if (v == null) return fallback;
        try {
            return LocalTime.parse(v.length() == 4 ? "0" + v : v);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + ": " + key + " expects a local time such as 21:00, was '" + v + "'");
        }
    }

    public TemplateCategory category(String key, TemplateCategory fallback) {
        String v = take(key);
        if (v == null) return fallback;
        TemplateCategory c = TemplateCategory.parse(v);
        if (c == null) throw new IllegalArgumentException(name + ": " + key + " expects marketing, marketing_lite, utility or authentication, was '" + v + "'");
        return c;
    }

    /** Categories joined by {@code +}, e.g. {@code utility+marketing}. */
    public Set<TemplateCategory> categories(String key, Set<TemplateCategory> fallback) {
        String v = take(key);
        if (v == null) return fallback;
        EnumSet<TemplateCategory> set = EnumSet.noneOf(TemplateCategory.class);
        for (String part : v.split("\\+")) {
            TemplateCategory c = TemplateCategory.parse(part.trim());
            if (c == null) throw new IllegalArgumentException(name + ": " + key + " expects categories joined by +, e.g. utility+marketing; '" + part + "' is not one");
            set.add(c);
        }
        return set;
    }

    /** Refuses keys the strategy did not read, so a typo is never silently ignored. */
    public void done() {
        for (String k : params.keySet())
            if (!read.contains(k)) throw new IllegalArgumentException(name + ": unknown parameter '" + k + "'");
    }

    private String take(String key) {
        read.add(key);
        return params.get(key);
    }

    static String categoriesText(Set<TemplateCategory> cats) {
        StringBuilder b = new StringBuilder();
        for (TemplateCategory c : cats) b.append(b.length() == 0 ? "" : "+").append(c.code());
        return b.toString();
    }

    static String durationText(Duration d) {
        long m = d.toMinutes();
        if (m % (24 * 60) == 0) return m / (24 * 60) + "d";
        if (m % 60 == 0) return m / 60 + "h";
        return m + "m";
    }
}
