package io.wabill.data.log;

import io.wabill.data.io.BadInputException;
import io.wabill.data.io.BoundedInput;
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
import java.util.Locale;

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
    /**
     * The longest row (the header included) read at all: the scanner stops there instead of buffering, so a
     * file with an open quote or no line ends cannot fill the heap. Room for every known column at its limit.
     */
    static final int MAX_ROW = 2_000_000;
    /** The longest comment or blank line before the header. */
    static final int MAX_COMMENT_LINE = 100_000;

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
        InputStream in = new CountingInputStream(Files.newInputStream(path), bytesRead);
        if (path.getFileName().toString().endsWith(".gz")) {
            try {
                in = BoundedInput.gunzip(in, file, BoundedInput.STREAMS);
            } catch (BadInputException e) {
                in.close();
                throw new LogFormatException(new RowError(file, 0, "", "", e.reason()));
            }
        }
        // Bytes that are not UTF-8 become U+FFFD and the row that holds them is reported, with its line.
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        this.reader = new BufferedReader(new InputStreamReader(in, decoder), 1 << 16);
        try {
            this.commentLines = readComments();
        } catch (IOException e) {
            close();
            throw unreadable(0, e);
        }
        this.scanner = new CsvScanner(reader, MAX_ROW);
        boolean any;
        try {
            any = scanner.next();
        } catch (IOException e) {
            close();
            // A user's file, not a fault of wabill's: say where, never a stack trace.
            throw e instanceof BadInputException || e instanceof CsvScanner.RecordTooLongException
                    ? unreadable(commentLines, e)
                    : new LogFormatException(new RowError(file, commentLines + 1, "", "",
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

    /**
     * Reads the comment and blank lines before the header (skipping a BOM) and returns how many there were. Each
     * line is read to at most {@link #MAX_COMMENT_LINE} characters, so a file without line ends cannot fill the
     * heap here; the header itself is left for the scanner.
     */
    private int readComments() throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') reader.reset();
        int n = 0;
        StringBuilder line = new StringBuilder();
        while (true) {
            reader.mark(MAX_COMMENT_LINE + 1);
            line.setLength(0);
            int c = reader.read();
            boolean comment = c == '#';
            while (c != -1 && c != '\n' && c != '\r' && (comment || Character.isWhitespace(c))) {
                if (line.length() == MAX_COMMENT_LINE) {
                    throw new LogFormatException(new RowError(file, n + 1, "", "", String.format(Locale.ROOT,
                            "a %s line longer than %,d characters before the header", comment ? "comment" : "blank",
                            MAX_COMMENT_LINE)));
                }
                line.append((char) c);
                c = reader.read();
            }
            if (c == -1 && line.length() == 0) return n;
            if (c != -1 && c != '\n' && c != '\r') {
                reader.reset(); // the header starts on this line
                return n;
            }
            if (c == '\r') {
                reader.mark(1);
                if (reader.read() != '\n') reader.reset();
            }
            if (comment) comments.add(line.toString());
            n++;
            if (c == -1) return n;
        }
    }

    /** The input cannot be read past {@code lineBefore} (damaged gzip, a row past the bound): a fatal input error. */
    private LogFormatException unreadable(long lineBefore, IOException e) {
        long line = e instanceof CsvScanner.RecordTooLongException tooLong ? commentLines + tooLong.line() : lineBefore + 1;
        String reason = e instanceof BadInputException bad ? bad.reason()
                : e instanceof CsvScanner.RecordTooLongException ? e.getMessage()
                : "the file cannot be read: " + e.getMessage();
        return new LogFormatException(new RowError(file, line, "", "", reason));
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
            } catch (BadInputException | CsvScanner.RecordTooLongException e) {
                throw unreadable(lastLine, e);
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
                if (r.length(i) > MAX_CELL) return bad(line, header.name(i),
                        new String(r.buffer(), r.start(i), 40), "a cell longer than " + MAX_CELL
                        + " characters (an unbalanced quote?)");
                String v = r.cell(i);
                if (v.indexOf('\uFFFD') >= 0) return bad(line, header.name(i), v,
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
        // customers rarely repeat within a cache's reach: interning them cost more than it saved
        String customer = CustomerIds.read(r.buffer(), cellFrom, cellTo);
        if (customer == null) return bad(line, "customer", text(r), CustomerIds.EXPECTED);
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
