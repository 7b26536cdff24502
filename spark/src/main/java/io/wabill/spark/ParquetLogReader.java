package io.wabill.spark;

import io.wabill.data.log.LogFormatException;
import io.wabill.data.log.LogReader;
import io.wabill.data.log.RowError;
import io.wabill.sim.account.AccountBook;
import io.wabill.sim.events.LogRow;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;

/**
 * Canonical logs stored as Parquet (the columns of FORMATS.md section 1, any order and case, strings or typed:
 * timestamps as timestamps or ISO text, epoch seconds as numbers). Each Spark partition of the files is
 * normalised by wabill's own {@link LogReader}, so a Parquet row is read exactly as the same row in a CSV file
 * would be, with the same errors: the partition's rows are written as CSV to the task's local disk and read back.
 * A row's {@code line} is its position in its Parquet file (1-based), from Spark's {@code _metadata.row_index}.
 * The partition's distinct timestamps go to the log's clock ({@link ClockAccumulator}).
 */
final class ParquetLogReader implements FlatMapFunction<Iterator<Row>, Row> {
    private static final long serialVersionUID = 1L;
    private final JobSettings settings;
    /** The log's columns as the Parquet files name them; the file path and row index follow them in each row. */
    private final String[] columns;
    /** File index by the Parquet file's path (its URI's path part). */
    private final Map<String, Integer> fileIndex;
    private final ClockAccumulator clock;
    /** The clock's key of this reader's partition 0 (after the CSV files' keys). */
    private final int clockKey;

    ParquetLogReader(JobSettings settings, String[] columns, Map<String, Integer> fileIndex, ClockAccumulator clock,
                     int clockKey) {
        this.settings = settings;
        this.columns = columns.clone();
        this.fileIndex = Map.copyOf(fileIndex);
        this.clock = clock;
        this.clockKey = clockKey;
    }

    static String pathKey(String path) { return new org.apache.hadoop.fs.Path(path).toUri().getPath(); }

    @Override public Iterator<Row> call(Iterator<Row> rows) throws IOException {
        int partition = org.apache.spark.TaskContext.getPartitionId();
        if (!rows.hasNext()) {
            clock.add(new ClockAccumulator.Part(clockKey + partition, new long[0], Map.of(), Map.of(), 0, true));
            return List.<Row>of().iterator();
        }
        AccountBook accounts = PricingInputs.of(settings).accounts;
        Path csv = Files.createTempFile("wabill-parquet", ".csv");
        // Where each record starts in the CSV (a quoted cell may hold a line break) and the Parquet row it came from.
        long[] startLine = new long[1024];
        int[] file = new int[1024];
        long[] rowIndex = new long[1024];
        int n = 0;
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(csv, StandardCharsets.UTF_8), 1 << 16)) {
            long line = 1;
            line += write(w, Arrays.asList(columns));
            while (rows.hasNext()) {
                Row r = rows.next();
                if (n == startLine.length) {
                    startLine = Arrays.copyOf(startLine, n * 2);
                    file = Arrays.copyOf(file, n * 2);
                    rowIndex = Arrays.copyOf(rowIndex, n * 2);
                }
                List<String> cells = new ArrayList<>(columns.length);
                for (int i = 0; i < columns.length; i++) cells.add(cell(r.get(i)));
                Integer index = fileIndex.get(pathKey(r.getString(columns.length)));
                startLine[n] = line;
                file[n] = index == null ? 0 : index;
                rowIndex[n] = r.getLong(columns.length + 1) + 1;
                n++;
                line += write(w, cells);
            }
        }
        int count = n;
        long[] starts = startLine;
        int[] files = file;
        long[] positions = rowIndex;
        List<Row> out = new ArrayList<>();
        ClockAccumulator.Routing routing = new ClockAccumulator.Routing();
        List<long[]> times = new ArrayList<>();
        long[] seen = new long[1024];
        int distinct = 0;
        // One partition's rows (a Parquet split, bounded by Spark's maxPartitionBytes) are normalised here in turn.
        try (LogReader reader = new LogReader(csv, 0, e -> out.add(error(e, starts, files, positions, count, false)))) {
            LogRow row;
            while ((row = reader.next()) != null) {
                int k = Arrays.binarySearch(starts, 0, count, row.line());
                if (distinct == seen.length) {
                    times.add(seen);
                    seen = new long[seen.length];
                    distinct = 0;
                }
                seen[distinct++] = row.timestamp();
                Row routed = NormalizedRows.of(new LogRow(row.file(), files[k], positions[k], row.timestamp(), row.messageId(),
                        row.account(), row.portfolio(), row.business(), row.customer(), row.direction(), row.kind(),
                        row.category(), row.entryPoint(), row.status(), row.deliveredAt(), row.template(), row.tokens(),
                        row.fepExpiresAt()), accounts);
                routing.add(row.account(), row.business(), NormalizedRows.portfolio(routed));
                out.add(routed);
            }
        } catch (LogFormatException e) {
            out.add(error(e.error(), starts, files, positions, count, true));
        } finally {
            Files.deleteIfExists(csv);
        }
        times.add(Arrays.copyOf(seen, distinct));
        // Spark sorts what it reads; a Parquet log has no order of its own to keep
        clock.add(new ClockAccumulator.Part(clockKey + partition, SparkSimulation.distinct(times), routing.accounts,
                routing.businesses, count, true));
        return out.iterator();
    }

    private static Row error(RowError e, long[] starts, int[] files, long[] positions, int count, boolean fatal) {
        int k = Arrays.binarySearch(starts, 0, count, e.line());
        if (k < 0) k = Math.max(0, -k - 2); // the header, or a line inside a record: its record
        return NormalizedRows.error(files[k], new RowError("", positions[k], e.column(), e.value(), e.reason()), fatal);
    }

    /** A Parquet value as the CSV cell a log would hold. */
    private static String cell(Object v) {
        if (v == null) return "";
        if (v instanceof Timestamp t) return t.toInstant().toString();
        if (v instanceof java.time.Instant i) return i.toString();
        return v.toString();
    }

    /** Writes one record, every cell quoted; returns the lines it took. */
    private static int write(Writer w, List<String> cells) {
        try {
            int lines = 1;
            for (int i = 0; i < cells.size(); i++) {
                if (i > 0) w.write(',');
                String c = cells.get(i);
                w.write('"');
                for (int j = 0; j < c.length(); j++) {
                    char ch = c.charAt(j);
                    if (ch == '"') w.write('"');
                    if (ch == '\n' || ch == '\r' && (j + 1 == c.length() || c.charAt(j + 1) != '\n')) lines++;
                    w.write(ch);
                }
                w.write('"');
            }
            w.write('\n');
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
