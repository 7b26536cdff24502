package io.wabill.data.log;

import io.wabill.sim.domain.DeliveryStatus;
import io.wabill.sim.domain.Direction;
import io.wabill.sim.domain.EntryPoint;
import io.wabill.sim.domain.MessageKind;
import io.wabill.sim.domain.TemplateCategory;
import io.wabill.sim.events.LogRow;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The log reader as it was written on Apache Commons CSV, kept as the reference of {@link LogReaderDifferentialTest}:
 * the hand-written scanner must read every input to the same rows and the same errors.
 *
 * Reads one canonical message log (FORMATS.md section 1), plain or gzip, row by row. Comment lines
 * ({@code #…}) before the header are kept as {@link #comments()}. Each bad row goes to the
 * {@link RowErrorHandler} with its line, column, value and what was expected.
 */
final class CommonsLogReader implements Closeable {
    /** Longer cells are almost always an unbalanced quote that swallowed the rest of the file. */
    static final int MAX_CELL = 100_000;

    private final String file;
    private final int fileIndex;
    private final RowErrorHandler errors;
    private final BufferedReader reader;
    private final List<String> comments = new ArrayList<>();
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final LogHeader header;
    private final int commentLines;
    private long lastLine;
    private long rowsRead;

    CommonsLogReader(Path path, int fileIndex, RowErrorHandler errors) throws IOException {
        this(path, fileIndex, errors, new java.util.concurrent.atomic.AtomicLong());
    }

    /** @param bytesRead counts the file's bytes as they are read (compressed bytes for .gz), for progress */
    CommonsLogReader(Path path, int fileIndex, RowErrorHandler errors, java.util.concurrent.atomic.AtomicLong bytesRead)
            throws IOException {
        this.file = path.toString();
        this.fileIndex = fileIndex;
        this.errors = errors;
        if (!Files.isRegularFile(path)) {
            throw new LogFormatException(new RowError(file, 0, "", "", Files.exists(path) ? "not a file" : "no such file"));
        }
        InputStream in = new CountingInputStream(Files.newInputStream(path), bytesRead);
        if (path.getFileName().toString().endsWith(".gz")) in = new GZIPInputStream(in, 1 << 16);
        // Bytes that are not UTF-8 become U+FFFD and the row that holds them is reported, with its line.
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        this.reader = new BufferedReader(new InputStreamReader(in, decoder), 1 << 16);
        this.commentLines = readComments();
        this.parser = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get().parse(reader);
        this.records = parser.iterator();
        CSVRecord head;
        try {
            if (!records.hasNext()) {
                close();
                throw new LogFormatException(new RowError(file, commentLines + 1, "", "", "the log is empty: a header row is "
                        + "expected (timestamp,message_id,business,customer,direction,kind,…)"));
            }
            head = records.next();
        } catch (UncheckedIOException e) {
            close();
            String why = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
            throw new LogFormatException(new RowError(file, commentLines + 1, "", "",
                    "the header row cannot be read: " + why + " (an unbalanced quote?)"));
        }
        lastLine = commentLines + parser.getCurrentLineNumber();
        List<String> cells = new ArrayList<>();
        head.forEach(cells::add);
        List<String> missing = new ArrayList<>();
        List<String> repeated = new ArrayList<>();
        this.header = LogHeader.of(cells, missing, repeated);
        if (!repeated.isEmpty()) {
            close();
            throw new LogFormatException(new RowError(file, lastLine, String.join(",", repeated), "",
                    "the header names " + String.join(", ", repeated) + " more than once; keep one column of each"));
        }
        if (!missing.isEmpty()) {
            close();
            throw new LogFormatException(new RowError(file, lastLine, String.join(",", missing), "",
                    "the header lacks the required column" + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing)
                    + " (found: " + String.join(",", cells) + ")"));
        }
    }

    private int readComments() throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') reader.reset();
        int n = 0;
        while (true) {
            reader.mark(1 << 20);
            String line = reader.readLine();
            if (line == null) return n;
            String s = line;
            if (s.startsWith("#")) {
                comments.add(s);
                n++;
            } else if (s.isBlank()) {
                n++;
            } else {
                reader.reset();
                return n;
            }
        }
    }

    /** Comment lines before the header, as written. */
    public List<String> comments() { return comments; }

    public String file() { return file; }

    /** Data rows read so far, good and bad. */
    public long rowsRead() { return rowsRead; }

    /** The next good row, or null at the end of the file. */
    public LogRow next() {
        while (true) {
            CSVRecord r;
            try {
                if (!records.hasNext()) return null;
                r = records.next();
            } catch (UncheckedIOException | IllegalStateException e) {
                String why = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
                throw new LogFormatException(new RowError(file, lastLine + 1, "", "",
                        "the CSV cannot be read past here: " + why + " (an unbalanced quote?)"));
            }
            long line = lastLine + 1;
            lastLine = commentLines + parser.getCurrentLineNumber();
            if (r.size() == 1 && r.get(0).isEmpty()) continue;
            rowsRead++;
            LogRow row = parse(r, line);
            if (row != null) return row;
        }
    }

    private String cell(CSVRecord r, int index) {
        if (index < 0 || index >= r.size()) return "";
        return r.get(index).trim();
    }

    private LogRow parse(CSVRecord r, long line) {
        for (int i = 0; i < r.size(); i++) {
            String v = r.get(i);
            if (v.length() > MAX_CELL) return bad(line, header.name(i), v.substring(0, 40),
                    "a cell longer than " + MAX_CELL + " characters (an unbalanced quote?)");
            if (v.indexOf('\uFFFD') >= 0) return bad(line, header.name(i), v,
                    "bytes that are not UTF-8; save the log as UTF-8");
        }
        String ts = cell(r, header.timestamp);
        long timestamp;
        try {
            timestamp = Timestamps.parse(ts);
        } catch (IllegalArgumentException e) {
            return bad(line, "timestamp", ts, e.getMessage());
        }
        String dirText = cell(r, header.direction);
        Direction direction = Direction.parse(dirText);
        if (direction == null) return bad(line, "direction", dirText, "expected inbound or outbound");
        String kindText = cell(r, header.kind);
        MessageKind kind = MessageKind.parse(kindText);
        if (kind == null || kind.direction() != direction) {
            return bad(line, "kind", kindText, direction == Direction.OUTBOUND
                    ? "expected template, free_form, reaction or agent for an outbound row"
                    : "expected message or call for an inbound row");
        }
        String business = cell(r, header.business);
        if (business.isEmpty()) return bad(line, "business", "", "the business phone number (or phone-number id) is required");
        String written = cell(r, header.customer);
        String customer = CustomerIds.read(written.toCharArray(), 0, written.length());
        if (customer == null) return bad(line, "customer", written, CustomerIds.EXPECTED);
        String messageId = cell(r, header.messageId);
        if (direction == Direction.OUTBOUND && messageId.isEmpty())
            return bad(line, "message_id", "", "outbound rows need a message_id");
        TemplateCategory category = null;
        String categoryText = cell(r, header.category);
        if (kind == MessageKind.TEMPLATE) {
            category = TemplateCategory.parse(categoryText);
            if (category == null) return bad(line, "category", categoryText,
                    "templates need a category: marketing, marketing_lite, utility or authentication");
        }
        String entryText = cell(r, header.entryPoint);
        EntryPoint entry = EntryPoint.parse(entryText);
        if (entry == null) return bad(line, "entry_point", entryText, "expected ctwa, page_cta, post or empty");
        if (direction == Direction.OUTBOUND) entry = EntryPoint.NONE;
        DeliveryStatus status = null;
        String statusText = cell(r, header.status);
        if (!statusText.isEmpty() && direction == Direction.OUTBOUND) {
            status = DeliveryStatus.parse(statusText);
            if (status == null) return bad(line, "status", statusText, "expected delivered, read, sent, failed or empty");
        }
        long deliveredAt = LogRow.NONE;
        String deliveredText = cell(r, header.deliveredAt);
        if (!deliveredText.isEmpty() && direction == Direction.OUTBOUND) {
            try {
                deliveredAt = Timestamps.parse(deliveredText);
            } catch (IllegalArgumentException e) {
                return bad(line, "delivered_at", deliveredText, e.getMessage());
            }
            // Whether delivery precedes sending is checked per message (MessageAssembler), as in LogReader.
        }
        long tokens = -1;
        String tokensText = cell(r, header.tokens);
        if (kind == MessageKind.AGENT) {
            if (tokensText.isEmpty()) return bad(line, "tokens", "", "agent messages need a tokens value (E6)");
            try {
                tokens = Long.parseLong(tokensText);
            } catch (NumberFormatException e) {
                tokens = -1;
            }
            if (tokens < 0) return bad(line, "tokens", tokensText, "expected a whole number of tokens >= 0");
        }
        String account = cell(r, header.account);
        if (account.isEmpty()) account = io.wabill.sim.account.Account.DEFAULT_ID;
        String portfolio = cell(r, header.portfolio);
        String template = cell(r, header.template);
        return new LogRow(file, fileIndex, line, timestamp, messageId.isEmpty() ? null : messageId, account,
                portfolio.isEmpty() ? null : portfolio, business, customer, direction, kind, category, entry, status,
                deliveredAt, template.isEmpty() ? null : template, tokens);
    }

    private LogRow bad(long line, String column, String value, String reason) {
        errors.badRow(new RowError(file, line, column, value, reason));
        return null;
    }

    @Override public void close() throws IOException {
        if (parser != null) parser.close();
        reader.close();
    }
}
