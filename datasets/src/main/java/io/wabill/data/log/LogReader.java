package io.wabill.data.log;

import io.wabill.sim.domain.DeliveryStatus;
import io.wabill.sim.domain.Direction;
import io.wabill.sim.domain.EntryPoint;
import io.wabill.sim.domain.MessageKind;
import io.wabill.sim.domain.TemplateCategory;
import io.wabill.sim.events.LogRow;
import io.wabill.sim.market.CountryResolver;
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
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Reads one canonical message log (FORMATS.md section 1), plain or gzip, row by row. Comment lines
 * ({@code #…}) before the header are kept as {@link #comments()}. Each bad row goes to the
 * {@link RowErrorHandler} with its line, column, value and what was expected.
 *
 * <p>Rows are read by {@link CsvScanner}, which reads what Commons CSV's RFC 4180 format reads with the same
 * line numbers and messages, but leaves the cells in one buffer: a row costs its {@link LogRow}, its message
 * id and its customer. Account, business, portfolio and template names come from a small intern cache.
 */
public final class LogReader implements Closeable {
    /** Longer cells are almost always an unbalanced quote that swallowed the rest of the file. */
    static final int MAX_CELL = 100_000;

    private final String file;
    private final int fileIndex;
    private final RowErrorHandler errors;
    private final BufferedReader reader;
    private final List<String> comments = new ArrayList<>();
    private final CsvScanner scanner;
    private final Interner names = new Interner(1 << 10);
    private final LogHeader header;
    private final int commentLines;
    private long lastLine;
    private long rowsRead;

    public LogReader(Path path, int fileIndex, RowErrorHandler errors) throws IOException {
        this(path, fileIndex, errors, new java.util.concurrent.atomic.AtomicLong());
    }

    /** @param bytesRead counts the file's bytes as they are read (compressed bytes for .gz), for progress */
    public LogReader(Path path, int fileIndex, RowErrorHandler errors, java.util.concurrent.atomic.AtomicLong bytesRead)
            throws IOException {
        this.file = path.toString();
        this.fileIndex = fileIndex;
        this.errors = errors;
        if (!Files.isRegularFile(path)) {
            throw new LogFormatException(new RowError(file, 0, "", "", Files.exists(path) ? "not a file" : "no such file"));
        }
        // Every failure to read (bad or truncated gzip data, a device error) names the file.
        InputStream in = io.wabill.data.files.InputFiles.named(path, () -> {
            InputStream raw = new CountingInputStream(Files.newInputStream(path), bytesRead);
            return path.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
        });
        // Bytes that are not UTF-8 become U+FFFD and the row that holds them is reported, with its line.
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        this.reader = new BufferedReader(new InputStreamReader(in, decoder), 1 << 16);
        this.commentLines = readComments();
        this.scanner = new CsvScanner(reader);
        boolean any;
        try {
            any = scanner.next();
        } catch (IOException e) {
            close();
            if (e instanceof io.wabill.data.files.InputFileException) throw e; // gzip or device: already names the file
            // A user's file, not a fault of wabill's: say where, never a stack trace.
            throw new LogFormatException(new RowError(file, commentLines + 1, "", "",
                    "the header row cannot be read: " + e.getMessage() + " (an unbalanced quote?)"));
        }
        if (!any) {
            close();
            throw new LogFormatException(new RowError(file, commentLines + 1, "", "", "the log is empty: a header row is "
                    + "expected (timestamp,message_id,business,customer,direction,kind,…)"));
        }
        lastLine = commentLines + scanner.lineNumber();
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < scanner.size(); i++) cells.add(scanner.cell(i));
        List<String> missing = new ArrayList<>();
        List<String> duplicated = new ArrayList<>();
        this.header = LogHeader.of(cells, missing, duplicated);
        if (!duplicated.isEmpty()) {
            close();
            throw new LogFormatException(new RowError(file, lastLine, "", "", "the header names "
                    + String.join(", ", duplicated) + " twice; which one is meant cannot be told, so keep one"));
        }
        if (!missing.isEmpty()) {
            close();
            throw new LogFormatException(new RowError(file, lastLine, String.join(",", missing), "",
                    "the header lacks the required column" + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing)
                    + " (found: " + String.join(",", cells) + ")"));
        }
    }

    private int readComments() throws IOException {
        int n = 0;
        while (true) {
            reader.mark(1 << 20);
            String line = reader.readLine();
            if (line == null) return n;
            String s = n == 0 && line.startsWith("\uFEFF") ? line.substring(1) : line;
            if (s.startsWith("#")) {
                comments.add(s);
                n++;
            } else if (s.isBlank()) {
                n++;
            } else {
                reader.reset();
                if (n == 0 && line.startsWith("\uFEFF")) {
                    if (reader.read() != '\uFEFF') throw new IllegalStateException("BOM expected");
                }
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
        CsvScanner r = scanner;
        while (true) {
            try {
                if (!r.next()) return null;
            } catch (IOException e) {
                throw new LogFormatException(new RowError(file, lastLine + 1, "", "",
                        "the CSV cannot be read past here: " + e.getMessage() + " (an unbalanced quote?)"));
            }
            long line = lastLine + 1;
            lastLine = commentLines + r.lineNumber();
            if (r.size() == 1 && r.length(0) == 0) continue;
            rowsRead++;
            LogRow row = parse(r, line);
            if (row != null) return row;
        }
    }

    // ---- cells as trimmed slices of the scanner's buffer ----

    private int cellFrom, cellTo;

    /** Sets {@link #cellFrom}/{@link #cellTo} to the trimmed cell (String.trim's rule), empty when absent. */
    private void slice(CsvScanner r, int index) {
        if (index < 0 || index >= r.size()) {
            cellFrom = cellTo = 0;
            return;
        }
        char[] b = r.buffer();
        int s = r.start(index), e = r.end(index);
        while (s < e && b[s] <= ' ') s++;
        while (e > s && b[e - 1] <= ' ') e--;
        cellFrom = s;
        cellTo = e;
    }

    private String text(CsvScanner r) { return new String(r.buffer(), cellFrom, cellTo - cellFrom); }

    private boolean empty() { return cellFrom == cellTo; }

    /** Whether the current cell equals {@code code} ignoring ASCII case; non-ASCII text is left to the enum. */
    private boolean is(CsvScanner r, String code) {
        if (cellTo - cellFrom != code.length()) return false;
        char[] b = r.buffer();
        for (int i = 0; i < code.length(); i++) {
            char c = b[cellFrom + i];
            if (c >= 'A' && c <= 'Z') c = (char) (c + 32);
            if (c != code.charAt(i)) return false;
        }
        return true;
    }

    private Direction direction(CsvScanner r) {
        if (is(r, "outbound")) return Direction.OUTBOUND;
        if (is(r, "inbound")) return Direction.INBOUND;
        return Direction.parse(text(r));
    }

    private MessageKind kind(CsvScanner r) {
        for (MessageKind k : KINDS) if (is(r, k.code())) return k;
        return MessageKind.parse(text(r));
    }

    private TemplateCategory category(CsvScanner r) {
        for (TemplateCategory c : CATEGORIES) if (is(r, c.code())) return c;
        return TemplateCategory.parse(text(r));
    }

    private DeliveryStatus status(CsvScanner r) {
        for (DeliveryStatus s : STATUSES) if (is(r, s.code())) return s;
        return DeliveryStatus.parse(text(r));
    }

    private EntryPoint entryPoint(CsvScanner r) {
        if (empty()) return EntryPoint.NONE;
        for (EntryPoint e : ENTRY_POINTS) if (e != EntryPoint.NONE && is(r, e.code())) return e;
        return EntryPoint.parse(text(r));
    }

    private static final MessageKind[] KINDS = MessageKind.values();
    private static final TemplateCategory[] CATEGORIES = TemplateCategory.values();
    private static final DeliveryStatus[] STATUSES = DeliveryStatus.values();
    private static final EntryPoint[] ENTRY_POINTS = EntryPoint.values();

    /** An instant: the common {@code YYYY-MM-DDTHH:MM:SSZ} straight from the buffer, anything else as text. */
    private long instant(CsvScanner r) {
        long fast = Timestamps.fastUtc(r.buffer(), cellFrom, cellTo);
        return fast != Long.MIN_VALUE ? fast : Timestamps.parse(text(r));
    }

    private LogRow parse(CsvScanner r, long line) {
        if (r.longest() > MAX_CELL || r.nonAscii()) {
            for (int i = 0; i < r.size(); i++) {
                if (r.length(i) > MAX_CELL) return bad(line, "column " + (i + 1),
                        new String(r.buffer(), r.start(i), 40), "a cell longer than " + MAX_CELL
                        + " characters (an unbalanced quote?)");
                String v = r.cell(i);
                if (v.indexOf('\uFFFD') >= 0) return bad(line, "column " + (i + 1), v,
                        "bytes that are not UTF-8; save the log as UTF-8");
            }
        }
        slice(r, header.timestamp);
        long timestamp;
        try {
            timestamp = instant(r);
        } catch (IllegalArgumentException e) {
            return bad(line, "timestamp", text(r), e.getMessage());
        }
        slice(r, header.direction);
        Direction direction = direction(r);
        if (direction == null) return bad(line, "direction", text(r), "expected inbound or outbound");
        slice(r, header.kind);
        MessageKind kind = kind(r);
        if (kind == null || kind.direction() != direction) {
            return bad(line, "kind", text(r), direction == Direction.OUTBOUND
                    ? "expected template, free_form, reaction or agent for an outbound row"
                    : "expected message or call for an inbound row");
        }
        slice(r, header.business);
        if (empty()) return bad(line, "business", "", "the business phone number (or phone-number id) is required");
        String business = names.intern(r.buffer(), cellFrom, cellTo);
        slice(r, header.customer);
        String customer = text(r); // customers rarely repeat within a cache's reach: interning them cost more than it saved
        if (CountryResolver.numberKey(customer) < 0 && !CountryResolver.isScopedUserId(customer))
            return bad(line, "customer", customer, "expected the user's number in E.164 (+ optional, up to 15 digits) "
                    + "or a business-scoped user id such as BR.7f3a9c21d0");
        slice(r, header.messageId);
        String messageId = empty() ? "" : text(r);
        if (direction == Direction.OUTBOUND && messageId.isEmpty())
            return bad(line, "message_id", "", "outbound rows need a message_id");
        TemplateCategory category = null;
        slice(r, header.category);
        if (kind == MessageKind.TEMPLATE) {
            category = category(r);
            if (category == null) return bad(line, "category", text(r),
                    "templates need a category: marketing, marketing_lite, utility or authentication");
        }
        slice(r, header.entryPoint);
        EntryPoint entry = entryPoint(r);
        if (entry == null) return bad(line, "entry_point", text(r), "expected ctwa, page_cta, post or empty");
        if (direction == Direction.OUTBOUND) entry = EntryPoint.NONE;
        DeliveryStatus status = null;
        slice(r, header.status);
        if (!empty() && direction == Direction.OUTBOUND) {
            status = status(r);
            if (status == null) return bad(line, "status", text(r), "expected delivered, read, sent, failed or empty");
        }
        long deliveredAt = LogRow.NONE;
        slice(r, header.deliveredAt);
        if (!empty() && direction == Direction.OUTBOUND) {
            try {
                deliveredAt = instant(r);
            } catch (IllegalArgumentException e) {
                return bad(line, "delivered_at", text(r), e.getMessage());
            }
            // Whether delivery precedes sending is checked per message (MessageAssembler): a status row's own
            // timestamp is when the status came, and its delivered_at may be earlier (FORMATS.md section 1).
        }
        long tokens = -1;
        slice(r, header.tokens);
        if (kind == MessageKind.AGENT) {
            if (empty()) return bad(line, "tokens", "", "agent messages need a tokens value (E6)");
            String tokensText = text(r);
            try {
                tokens = Long.parseLong(tokensText);
            } catch (NumberFormatException e) {
                tokens = -1;
            }
            if (tokens < 0) return bad(line, "tokens", tokensText, "expected a whole number of tokens >= 0");
        }
        slice(r, header.account);
        String account = empty() ? io.wabill.sim.account.Account.DEFAULT_ID : names.intern(r.buffer(), cellFrom, cellTo);
        slice(r, header.portfolio);
        String portfolio = empty() ? null : names.intern(r.buffer(), cellFrom, cellTo);
        slice(r, header.template);
        String template = empty() ? null : names.intern(r.buffer(), cellFrom, cellTo);
        long fepExpiresAt = LogRow.NONE;
        if (header.reportedExpiry >= 0
                && ReportedWindow.isFreeEntryPoint(trimmed(r, header.reportedOrigin), trimmed(r, header.reportedPricingType))) {
            String expiry = trimmed(r, header.reportedExpiry);
            try {
                fepExpiresAt = ReportedWindow.expiry(expiry);
            } catch (IllegalArgumentException e) {
                return bad(line, "meta_conversation_expiration", expiry, e.getMessage());
            }
        }
        return new LogRow(file, fileIndex, line, timestamp, messageId.isEmpty() ? null : messageId, account,
                portfolio, business, customer, direction, kind, category, entry, status, deliveredAt, template, tokens,
                fepExpiresAt);
    }

    private String trimmed(CsvScanner r, int index) {
        slice(r, index);
        return text(r);
    }

    private LogRow bad(long line, String column, String value, String reason) {
        errors.badRow(new RowError(file, line, column, value, reason));
        return null;
    }

    @Override public void close() throws IOException {
        reader.close();
    }
}
