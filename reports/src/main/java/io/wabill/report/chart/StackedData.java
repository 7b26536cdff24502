package io.wabill.report.chart;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Values of a stacked chart: one column per x label (month, day, market), one series per stacked part (billable
 * category, pricing type), exact decimals. Missing cells are zero. Kept apart from drawing so it can be checked.
 */
public final class StackedData {
    private final List<String> columns;
    private final List<String> series;
    private final Map<String, Map<String, BigDecimal>> values;

    private StackedData(List<String> columns, List<String> series, Map<String, Map<String, BigDecimal>> values) {
        this.columns = List.copyOf(columns);
        this.series = List.copyOf(series);
        this.values = values;
    }

    public List<String> columns() { return columns; }

    public List<String> series() { return series; }

    public BigDecimal value(String seriesKey, String column) {
        Map<String, BigDecimal> row = values.get(seriesKey);
        BigDecimal v = row == null ? null : row.get(column);
        return v == null ? BigDecimal.ZERO : v;
    }

    /** The sum of a column over all series. */
    public BigDecimal columnTotal(String column) {
        BigDecimal t = BigDecimal.ZERO;
        for (String s : series) t = t.add(value(s, column));
        return t;
    }

    public BigDecimal total() {
        BigDecimal t = BigDecimal.ZERO;
        for (String c : columns) t = t.add(columnTotal(c));
        return t;
    }

    public boolean isEmpty() { return series.isEmpty() || columns.isEmpty(); }

    /** Collects cells, then orders series by {@code seriesOrder} and columns by {@code columnOrder}. */
    public static final class Builder {
        private final Map<String, Map<String, BigDecimal>> values = new LinkedHashMap<>();
        private final TreeSet<String> columns;
        private final Comparator<String> seriesOrder;

        public Builder(Comparator<String> columnOrder, Comparator<String> seriesOrder) {
            this.columns = new TreeSet<>(columnOrder);
            this.seriesOrder = seriesOrder;
        }

        public Builder add(String seriesKey, String column, BigDecimal value) {
            columns.add(column);
            values.computeIfAbsent(seriesKey, k -> new LinkedHashMap<>()).merge(column, value, BigDecimal::add);
            return this;
        }

        /** Makes a column appear even when it holds nothing (a day without charges). */
        public Builder column(String column) {
            columns.add(column);
            return this;
        }

        /** Drops series whose every value is zero: a chart shows what cost something. */
        public StackedData build(boolean dropZeroSeries) {
            List<String> keys = new ArrayList<>();
            for (var e : values.entrySet()) {
                boolean any = e.getValue().values().stream().anyMatch(v -> v.signum() != 0);
                if (any || !dropZeroSeries) keys.add(e.getKey());
            }
            keys.sort(seriesOrder);
            return new StackedData(new ArrayList<>(columns), keys, values);
        }
    }
}
