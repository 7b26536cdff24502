package io.wabill.report.chart;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The largest N of a set of totals and the rest, so a chart shows the few that matter and still adds up. */
public record TopN(List<String> top, List<String> rest) {
    /**
     * Splits non-zero totals into the {@code n} largest (ties by name) and the rest; when only one would be left
     * over it is shown rather than lumped, since a "rest" of one hides a name for nothing.
     */
    public static TopN of(Map<String, BigDecimal> totals, int n) {
        if (n < 1) throw new IllegalArgumentException("top N must be >= 1, was " + n);
        List<Map.Entry<String, BigDecimal>> list = new ArrayList<>();
        for (var e : totals.entrySet()) if (e.getValue().signum() != 0) list.add(e);
        list.sort(Map.Entry.<String, BigDecimal>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        int keep = list.size() <= n + 1 ? list.size() : n;
        List<String> top = new ArrayList<>(), rest = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) (i < keep ? top : rest).add(list.get(i).getKey());
        return new TopN(top, rest);
    }

    /** The label of the rest column, e.g. {@code Other markets (4)}. */
    public String restLabel(String what) { return "Other " + what + " (" + rest.size() + ")"; }
}
