package io.wabill.report.xlsx;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The totals sheet: one value column of a (small) CSV summed by a row key and a column key, one block per currency,
 * with a total per row and per column. Sums are exact decimals; amounts are never added across currencies.
 */
public record Pivot(String title, Path csv, String rowColumn, String columnColumn, String valueColumn) {

    /** Per currency: row key → column key → sum. Keys sorted as Java sorts strings, like the CSV files. */
    Map<String, TreeMap<String, TreeMap<String, BigDecimal>>> compute() throws IOException {
        Map<String, TreeMap<String, TreeMap<String, BigDecimal>>> byCurrency = new TreeMap<>();
        try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
             CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
            Map<String, Integer> header = new LinkedHashMap<>();
            p.getHeaderMap().forEach((k, v) -> header.put(CsvCellsBack.header(k), v));
            for (String c : new String[] {rowColumn, columnColumn, valueColumn})
                if (!header.containsKey(c)) throw new IOException(csv + " has no column " + c + " to sum for the totals sheet");
            for (CSVRecord rec : p) {
                String value = rec.get(header.get(valueColumn));
                if (value.isEmpty()) continue;
                String currency = header.containsKey("currency") ? rec.get(header.get("currency")) : "";
                String row = CsvCellsBack.text(rec.get(header.get(rowColumn)));
                String col = CsvCellsBack.text(rec.get(header.get(columnColumn)));
                if (col.isEmpty()) col = "(none)";
                byCurrency.computeIfAbsent(currency, c -> new TreeMap<>())
                        .computeIfAbsent(row, k -> new TreeMap<>())
                        .merge(col, new BigDecimal(value), BigDecimal::add);
            }
        }
        return byCurrency;
    }

    /** The column keys of one currency's block, sorted. */
    static TreeSet<String> columns(TreeMap<String, TreeMap<String, BigDecimal>> block) {
        TreeSet<String> cols = new TreeSet<>();
        block.values().forEach(m -> cols.addAll(m.keySet()));
        return cols;
    }
}
