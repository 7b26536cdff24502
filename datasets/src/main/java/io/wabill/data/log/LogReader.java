package io.wabill.data.log;

import io.wabill.data.io.BadInputException;
import io.wabill.data.io.BoundedInput;
import io.wabill.sim.domain.DeliveryStatus;
import io.wabill.sim.domain.Direction;
import io.wabill.sim.domain.EntryPoint;
import io.wabill.sim.domain.MessageKind;
import io.wabill.sim.domain.TemplateCategory;
import io.wabill.sim.events.LogRow;
import io.wabill.sim.events.RowBuffer;
import io.wabill.sim.market.CountryResolver;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
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
 * <p>Rows are read from the file's bytes by {@link ByteCsvScanner}, which reads what Commons CSV's RFC 4180 format
 * reads from the text decoded as UTF-8, with the same line numbers and messages, but leaves the cells in one byte
 * buffer: the ASCII that almost every row is never goes through a character decoder (a cell with other bytes is
 * decoded, bytes that are not UTF-8 reported as before). Timestamps and enums are read from the bytes; account,
 * business, portfolio and template names come from an intern cache. {@link #next(RowBuffer)} parses each row into the
 * caller's reused buffer, so a row costs only its message id and customer strings; {@link #next()} gives a
 * {@link LogRow} to keep.
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
    private final InputStream input;
    private final List<String> comments = new ArrayList<>();
    private final ByteCsvScanner scanner;
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
        this.input = new BufferedInputStream(in, 1 << 16);
        try {
            this.commentLines = readComments();
        } catch (IOException e) {
            close();
            throw unreadable(0, e);
        }
        this.scanner = new ByteCsvScanner(input, MAX_ROW);
        boolean any;
        try {
            any = scanner.next();
        } catch (IOException e) {
            close();
            // A user's file, not a fault of wabill's: say where, never a stack trace.
            throw e instanceof BadInputException || e instanceof RecordTooLongException
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
     * heap here; the header itself is left for the scanner. A line is decoded as UTF-8 before it is looked at, so a
     * line of other whitespace (U+3000…) is blank as it was when the file was read as text.
     */
    private int readComments() throws IOException {
        input.mark(3);
        if (input.read() != 0xEF || input.read() != 0xBB || input.read() != 0xBF) input.reset();
        // A line of MAX_COMMENT_LINE characters takes at most three bytes a character (four bytes make two chars).
        int maxBytes = 3 * MAX_COMMENT_LINE + 3;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int n = 0;
        StringBuilder line = new StringBuilder();
        while (true) {
            input.mark(maxBytes + 2);
            bytes.reset();
            int b = input.read();
            while (b != -1 && b != '\n' && b != '\r' && bytes.size() < maxBytes) {
                bytes.write(b);
                b = input.read();
            }
            String text = bytes.toString(StandardCharsets.UTF_8);
            line.setLength(0);
            boolean comment = !text.isEmpty() && text.charAt(0) == '#';
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (!comment && !Character.isWhitespace(c)) {
                    input.reset(); // the header starts on this line
                    return n;
                }
                if (line.length() == MAX_COMMENT_LINE) {
                    throw new LogFormatException(new RowError(file, n + 1, "", "", String.format(Locale.ROOT,
                            "a %s line longer than %,d characters before the header", comment ? "comment" : "blank",
                            MAX_COMMENT_LINE)));
                }
                line.append(c);
            }
            if (b == -1 && line.length() == 0) return n;
            if (b == '\r') {
                input.mark(1);
                if (input.read() != '\n') input.reset();
            }
            if (comment) comments.add(line.toString());
            n++;
            if (b == -1) return n;
        }
    }

    /** The input cannot be read past {@code lineBefore} (damaged gzip, a row past the bound): a fatal input error. */
    private LogFormatException unreadable(long lineBefore, IOException e) {
        long line = e instanceof RecordTooLongException tooLong ? commentLines + tooLong.line() : lineBefore + 1;
        String reason = e instanceof BadInputException bad ? bad.reason()
                : e instanceof RecordTooLongException ? e.getMessage()
                : "the file cannot be read: " + e.getMessage();
        return new LogFormatException(new RowError(file, line, "", "", reason));
    }

    /** Comment lines before the header, as written. */
    public List<String> comments() { return comments; }

    public String file() { return file; }

    /** Data rows read so far, good and bad. */
    public long rowsRead() { return rowsRead; }

    private final RowBuffer own = new RowBuffer();

    /** The next good row, or null at the end of the file. */
    public LogRow next() { return next(own) ? own.toLogRow() : null; }

    /**
     * Parses the next good row into {@code into}, which holds it until the next call; false at the end of the file.
     * Bad rows on the way go to the error handler.
     */
    public boolean next(RowBuffer into) {
        ByteCsvScanner r = scanner;
        while (true) {
            try {
                if (!r.next()) return false;
            } catch (BadInputException | RecordTooLongException e) {
                throw unreadable(lastLine, e);
            } catch (IOException e) {
                throw new LogFormatException(new RowError(file, lastLine + 1, "", "",
                        "the CSV cannot be read past here: " + e.getMessage() + " (an unbalanced quote?)"));
            }
            long line = lastLine + 1;
            lastLine = commentLines + r.lineNumber();
            if (r.size() == 1 && r.length(0) == 0) continue;
            rowsRead++;
            if (parse(r, line, into)) return true;
        }
    }

    // ---- cells as trimmed slices of the scanner's buffer ----

    private int cellFrom, cellTo;

    /** Sets {@link #cellFrom}/{@link #cellTo} to the trimmed cell (String.trim's rule), empty when absent. */
    private void slice(ByteCsvScanner r, int index) {
        if (index < 0 || index >= r.size()) {
            cellFrom = cellTo = 0;
            return;
        }
        byte[] b = r.buffer();
        int s = r.start(index), e = r.end(index);
        // String.trim's rule: characters up to U+0020; the bytes of other characters are negative, never trimmed
        while (s < e && b[s] <= ' ' && b[s] >= 0) s++;
        while (e > s && b[e - 1] <= ' ' && b[e - 1] >= 0) e--;
        cellFrom = s;
        cellTo = e;
    }

    private String text(ByteCsvScanner r) {
        return ascii(r) ? new String(r.buffer(), cellFrom, cellTo - cellFrom, StandardCharsets.ISO_8859_1)
                : r.decode(r.buffer(), cellFrom, cellTo);
    }

    /** Whether the current cell is ASCII (always, unless the record holds another byte). */
    private boolean ascii(ByteCsvScanner r) {
        if (!r.nonAscii()) return true;
        byte[] b = r.buffer();
        for (int i = cellFrom; i < cellTo; i++) if (b[i] < 0) return false;
        return true;
    }

    /** A name the log repeats (account, business, portfolio, template): shared when ASCII. */
    private String name(ByteCsvScanner r) {
        return ascii(r) ? names.intern(r.buffer(), cellFrom, cellTo) : text(r);
    }

    /**
     * The customer as written; null when it is no accepted form (CustomerIds). Customers get a new string each row:
     * interning them was measured about 60 % slower on the 2M-row log (BENCHMARKS.md, issue 14, helper perf-io): a cache
     * of 50,000 customers churns old strings that every young collection must scan, and a hit touches a string out
     * of the cache where a new one is in it. A table keyed by {@link CustomerIds#key} that holds every customer (no
     * churn) saved 54 bytes a row but still cost the pipeline more CPU (helper perf-ids): every later reader of a
     * cached customer's characters misses the cache.
     */
    private String customer(ByteCsvScanner r) {
        if (ascii(r)) {
            return CustomerIds.key(r.buffer(), cellFrom, cellTo) == CustomerIds.INVALID ? null : text(r);
        }
        String written = text(r);
        return CustomerIds.read(written.toCharArray(), 0, written.length());
    }

    private boolean empty() { return cellFrom == cellTo; }

    /** Whether the current cell equals {@code code} ignoring ASCII case; non-ASCII text is left to the enum. */
    private boolean is(ByteCsvScanner r, String code) {
        if (cellTo - cellFrom != code.length()) return false;
        byte[] b = r.buffer();
        for (int i = 0; i < code.length(); i++) {
            int c = b[cellFrom + i];
            if (c >= 'A' && c <= 'Z') c = (char) (c + 32);
            if (c != code.charAt(i)) return false;
        }
        return true;
    }

    private Direction direction(ByteCsvScanner r) {
        if (is(r, "outbound")) return Direction.OUTBOUND;
        if (is(r, "inbound")) return Direction.INBOUND;
        return Direction.parse(text(r));
    }

    private MessageKind kind(ByteCsvScanner r) {
        for (MessageKind k : KINDS) if (is(r, k.code())) return k;
        return MessageKind.parse(text(r));
    }

    private TemplateCategory category(ByteCsvScanner r) {
        for (TemplateCategory c : CATEGORIES) if (is(r, c.code())) return c;
        return TemplateCategory.parse(text(r));
    }

    private DeliveryStatus status(ByteCsvScanner r) {
        for (DeliveryStatus s : STATUSES) if (is(r, s.code())) return s;
        return DeliveryStatus.parse(text(r));
    }

    private EntryPoint entryPoint(ByteCsvScanner r) {
        if (empty()) return EntryPoint.NONE;
        for (EntryPoint e : ENTRY_POINTS) if (e != EntryPoint.NONE && is(r, e.code())) return e;
        return EntryPoint.parse(text(r));
    }

    private static final MessageKind[] KINDS = MessageKind.values();
    private static final TemplateCategory[] CATEGORIES = TemplateCategory.values();
    private static final DeliveryStatus[] STATUSES = DeliveryStatus.values();
    private static final EntryPoint[] ENTRY_POINTS = EntryPoint.values();

    /** An instant: the common shapes straight from the buffer ({@link Timestamps#fast}), anything else as text. */
    private long instant(ByteCsvScanner r) {
        long fast = Timestamps.fast(r.buffer(), cellFrom, cellTo);
        return fast != Long.MIN_VALUE ? fast : Timestamps.parse(text(r));
    }

    /** Fills {@code into} with the record's row; false for a bad row (given to the error handler). */
    private boolean parse(ByteCsvScanner r, long line, RowBuffer into) {
        if (r.longest() > MAX_CELL || r.nonAscii()) {
            for (int i = 0; i < r.size(); i++) {
                // lengths in characters: an ASCII record's bytes, another's decoded cells
                String v = r.nonAscii() ? r.cell(i) : null;
                if ((v == null ? r.length(i) : v.length()) > MAX_CELL) return bad(line, header.name(i),
                        v == null ? new String(r.buffer(), r.start(i), 40, StandardCharsets.ISO_8859_1) : v.substring(0, 40),
                        "a cell longer than " + MAX_CELL + " characters (an unbalanced quote?)");
                if (v != null && v.indexOf('\uFFFD') >= 0) return bad(line, header.name(i), v,
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
        String business = name(r);
        slice(r, header.customer);
        String customer = customer(r);
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
        String account = empty() ? io.wabill.sim.account.Account.DEFAULT_ID : name(r);
        slice(r, header.portfolio);
        String portfolio = empty() ? null : name(r);
        slice(r, header.template);
        String template = empty() ? null : name(r);
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
        into.set(file, fileIndex, line, timestamp, messageId.isEmpty() ? null : messageId, account,
                portfolio, business, customer, direction, kind, category, entry, status, deliveredAt, template, tokens,
                fepExpiresAt);
        return true;
    }

    private String trimmed(ByteCsvScanner r, int index) {
        slice(r, index);
        return text(r);
    }

    private boolean bad(long line, String column, String value, String reason) {
        errors.badRow(new RowError(file, line, column, value, reason));
        return false;
    }

    @Override public void close() throws IOException {
        input.close();
    }
}
