package io.wabill.data.webhooks;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wabill.data.io.BadInputException;
import io.wabill.data.io.BoundedInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Reads the payloads stored in one file, plain or gzip, one payload in memory at a time. Three layouts are
 * read: JSON lines (one payload, or one array of payloads, per line), a JSON array of payloads, and a file of
 * one (pretty-printed) payload, or several one after another.
 *
 * <p>A JSON lines file resumes at the next line after a line that is not JSON, so one bad payload costs one
 * line. Any other layout is read by one streaming parser: JSON has no place to resume after a syntax error, so
 * the error is reported with its line and column and the rest of that file is given up (the payloads before it
 * are kept).
 *
 * <p>Every bound holds while reading: a payload (a line, or one value of a stream) longer than
 * {@link #MAX_PAYLOAD_CHARS} is reported without being held; a gzip file is read through {@link BoundedInput}, so
 * a gzip bomb stops at its ratio bound and a damaged or cut-short file is reported with its name, keeping the
 * payloads read before.
 */
public final class PayloadReader {
    /** Receives each payload and each part of a file that cannot be read. */
    public interface Sink {
        void payload(JsonNode payload, long line);

        void unreadable(long line, long column, String reason);
    }

    /**
     * The longest payload read, in characters. Meta sends at most 3 MB in one webhook; a longer line or value is
     * reported as unreadable instead of being held in memory.
     */
    public static final int MAX_PAYLOAD_CHARS = 4 << 20;

    private final ObjectMapper mapper;
    private final BoundedInput.Limits limits;

    public PayloadReader(ObjectMapper mapper) { this(mapper, BoundedInput.STREAMS); }

    /** With other bounds on the file (tests use small ones). */
    public PayloadReader(ObjectMapper mapper, BoundedInput.Limits limits) {
        this.mapper = mapper;
        this.limits = limits;
    }

    public void read(Path file, Sink sink) throws IOException {
        try {
            if (lineLayout(file)) readLines(file, sink);
            else readStream(file, sink);
        } catch (BadInputException e) { // damaged gzip, gzip bomb, a payload too long: the rest of the file is lost
            sink.unreadable(e.line(), 0, e.reason() + "; the rest of this file was not read");
        }
    }

    private BoundedLines open(Path file) throws IOException {
        InputStream in = BoundedInput.open(file, limits);
        return new BoundedLines(new InputStreamReader(in, StandardCharsets.UTF_8), MAX_PAYLOAD_CHARS);
    }

    /** JSON lines when the first non-blank line is a whole object or array by itself. */
    private boolean lineLayout(Path file) throws IOException {
        try (BoundedLines r = open(file)) {
            String line;
            while ((line = r.readLine()) != null) {
                if (r.truncated()) return true; // only a line layout can go on past an overlong payload
                String t = stripBom(line).trim();
                if (t.isEmpty()) continue;
                return (t.startsWith("{") && t.endsWith("}")) || (t.startsWith("[") && t.endsWith("]") && t.length() > 1
                        && t.substring(1).trim().startsWith("{"));
            }
            return false;
        }
    }

    private void readLines(Path file, Sink sink) throws IOException {
        try (BoundedLines r = open(file)) {
            String line;
            long n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (r.truncated()) {
                    sink.unreadable(n, 0, "a payload longer than " + MAX_PAYLOAD_CHARS
                            + " characters (Meta sends at most 3 MB); the line was skipped");
                    continue;
                }
                String t = n == 1 ? stripBom(line) : line;
                if (t.isBlank()) continue;
                try (JsonParser p = mapper.getFactory().createParser(t)) {
                    readValues(p, sink, n);
                } catch (JsonProcessingException e) {
                    JsonLocation at = e.getLocation();
                    sink.unreadable(n, at == null ? 0 : at.getColumnNr(), "not JSON: " + plain(e));
                }
            }
        }
    }

    private void readStream(Path file, Sink sink) throws IOException {
        try (PayloadWindow r = new PayloadWindow(new InputStreamReader(BoundedInput.open(file, limits), StandardCharsets.UTF_8),
                file.toString(), MAX_PAYLOAD_CHARS); JsonParser p = mapper.getFactory().createParser(r)) {
            window = r;
            readValues(p, sink, -1);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            sink.unreadable(at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(), "not JSON: "
                    + plain(e) + "; the rest of this file cannot be read (JSON has no line to "
                    + "resume at); store payloads one per line to lose only the bad line");
        } finally {
            window = null;
        }
    }

    /** Root values in order: an object is a payload, an array holds payloads; {@code line < 0}: the parser's own lines. */
    private void readValues(JsonParser p, Sink sink, long line) throws IOException {
        JsonToken t;
        while ((t = p.nextToken()) != null) {
            if (t == JsonToken.START_OBJECT) {
                long at = line >= 0 ? line : p.currentTokenLocation().getLineNr();
                sink.payload(tree(p, at), at);
            } else if (t == JsonToken.START_ARRAY) {
                while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                    if (t == null) return;
                    long at = line >= 0 ? line : p.currentTokenLocation().getLineNr();
                    if (t == JsonToken.START_OBJECT) {
                        sink.payload(tree(p, at), at);
                    } else {
                        p.skipChildren();
                        sink.unreadable(at, p.currentTokenLocation().getColumnNr(), "an array element that is not a payload object");
                    }
                }
            } else {
                long at = line >= 0 ? line : p.currentTokenLocation().getLineNr();
                sink.unreadable(at, p.currentTokenLocation().getColumnNr(), "expected a payload object or an array of payloads, found " + t);
            }
        }
    }

    /** The window of the stream being read, which bounds one payload's length; null for JSON lines. */
    private PayloadWindow window;

    /** Reads the payload starting at the current token, within {@link #MAX_PAYLOAD_CHARS} in a stream. */
    private JsonNode tree(JsonParser p, long line) throws IOException {
        if (window == null) return mapper.readTree(p);
        window.start(p.currentTokenLocation().getCharOffset(), line);
        try {
            return mapper.readTree(p);
        } finally {
            window.stop();
        }
    }

    /** Jackson's message without its note on where the source is (the error already names file and line). */
    private static String plain(JsonProcessingException e) {
        return e.getOriginalMessage().replaceAll("\\[Source: [^;]*; ", "[");
    }

    private static String stripBom(String s) { return s.startsWith("\uFEFF") ? s.substring(1) : s; }
}
