package io.wabill.app.reconcile;

import io.wabill.data.log.LogFormatException;
import io.wabill.data.log.RowError;
import io.wabill.data.log.Timestamps;
import io.wabill.data.webhooks.MetaReport;
import io.wabill.sim.events.LogRow;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * What Meta reported per outbound message, read from the {@code meta_*} columns an imported log carries (the
 * log reader ignores them). The rows of one message id are merged field by field, first value first.
 * Held in memory: one small report per outbound message (about 200 bytes each).
 */
public final class MetaReports {
    private final Map<String, MetaReport> byId = new HashMap<>();
    private boolean anyColumns;

    public static MetaReports read(List<Path> logs) throws IOException {
        MetaReports r = new MetaReports();
        for (Path log : logs) r.readOne(log);
        return r;
    }

    public MetaReport get(String messageId) { return messageId == null ? null : byId.get(messageId); }

    public int size() { return byId.size(); }

    /** Whether any log had at least one meta_* column. */
    public boolean anyColumns() { return anyColumns; }

    private void readOne(Path log) throws IOException {
        InputStream in = Files.newInputStream(log);
        if (log.getFileName().toString().endsWith(".gz")) in = new GZIPInputStream(in, 1 << 16);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
            long skipped = 0;
            reader.mark(1 << 20);
            String line;
            while ((line = reader.readLine()) != null && (line.startsWith("#") || line.startsWith("\uFEFF#") || line.isBlank())) {
                skipped++;
                reader.mark(1 << 20);
            }
            if (line == null) return;
            reader.reset();
            try (CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
                Map<String, Integer> col = new HashMap<>();
                for (var e : p.getHeaderMap().entrySet())
                    col.putIfAbsent(e.getKey().trim().replace("\uFEFF", "").toLowerCase(Locale.ROOT), e.getValue());
                int id = col.getOrDefault("message_id", -1);
                int[] meta = new int[MetaReport.COLUMNS.size()];
                boolean any = false;
                for (int i = 0; i < meta.length; i++) {
                    meta[i] = col.getOrDefault(MetaReport.COLUMNS.get(i), -1);
                    any |= meta[i] >= 0;
                }
                if (!any || id < 0) return;
                anyColumns = true;
                for (CSVRecord r : p) {
                    String messageId = cell(r, id);
                    if (messageId.isEmpty()) continue;
                    MetaReport m = report(r, meta, log, skipped + p.getCurrentLineNumber());
                    if (m.isEmpty()) continue;
                    byId.merge(messageId, m, MetaReport::orElse);
                }
            }
        }
    }

    private static MetaReport report(CSVRecord r, int[] c, Path log, long line) {
        String expiry = cell(r, c[5]);
        long expiration = LogRow.NONE;
        if (!expiry.isEmpty()) {
            try {
                expiration = Timestamps.parse(expiry);
            } catch (IllegalArgumentException e) {
                throw new LogFormatException(new RowError(log.toString(), line, "meta_conversation_expiration", expiry, e.getMessage()));
            }
        }
        String code = cell(r, c[7]);
        int error;
        try {
            error = code.isEmpty() ? 0 : Integer.parseInt(code);
        } catch (NumberFormatException e) {
            throw new LogFormatException(new RowError(log.toString(), line, "meta_error_code", code, "expected a whole number"));
        }
        return new MetaReport(unquote(cell(r, c[0])), unquote(cell(r, c[1])), unquote(cell(r, c[2])), unquote(cell(r, c[3])),
                unquote(cell(r, c[4])), expiration, unquote(cell(r, c[6])), error);
    }

    /** Undoes the apostrophe the CSV writer puts before text a spreadsheet would run as a formula. */
    private static String unquote(String v) {
        if (v.length() > 1 && v.charAt(0) == '\'' && "=+-@\t\r".indexOf(v.charAt(1)) >= 0) return v.substring(1);
        return v;
    }

    private static String cell(CSVRecord r, int i) { return i < 0 || i >= r.size() ? "" : r.get(i).trim(); }
}
