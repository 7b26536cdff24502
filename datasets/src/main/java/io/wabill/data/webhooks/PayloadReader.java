package io.wabill.data.webhooks;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
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
 */
public final class PayloadReader {
    /** Receives each payload and each part of a file that cannot be read. */
    public interface Sink {
        void payload(JsonNode payload, long line);

        void unreadable(long line, long column, String reason);
    }

    private final ObjectMapper mapper;

    public PayloadReader(ObjectMapper mapper) { this.mapper = mapper; }

    public void read(Path file, Sink sink) throws IOException {
        if (lineLayout(file)) readLines(file, sink);
        else readStream(file, sink);
    }

    private static BufferedReader open(Path file) throws IOException {
        InputStream in = io.wabill.data.files.InputFiles.open(file);
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
    }

    /** JSON lines when the first non-blank line is a whole object or array by itself. */
    private static boolean lineLayout(Path file) throws IOException {
        try (BufferedReader r = open(file)) {
            String line;
            while ((line = r.readLine()) != null) {
                String t = stripBom(line).trim();
                if (t.isEmpty()) continue;
                return (t.startsWith("{") && t.endsWith("}")) || (t.startsWith("[") && t.endsWith("]") && t.length() > 1
                        && t.substring(1).trim().startsWith("{"));
            }
            return false;
        }
    }

    private void readLines(Path file, Sink sink) throws IOException {
        try (BufferedReader r = open(file)) {
            String line;
            long n = 0;
            while ((line = r.readLine()) != null) {
                n++;
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
        try (BufferedReader r = open(file); JsonParser p = mapper.getFactory().createParser(r)) {
            try {
                readValues(p, sink, -1);
            } catch (JsonProcessingException e) {
                JsonLocation at = e.getLocation();
                sink.unreadable(at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(), "not JSON: "
                        + plain(e) + "; the rest of this file cannot be read (JSON has no line to "
                        + "resume at); store payloads one per line to lose only the bad line");
            }
        }
    }

    /** Root values in order: an object is a payload, an array holds payloads; {@code line < 0}: the parser's own lines. */
    private void readValues(JsonParser p, Sink sink, long line) throws IOException {
        JsonToken t;
        while ((t = p.nextToken()) != null) {
            if (t == JsonToken.START_OBJECT) {
                long at = line >= 0 ? line : p.currentTokenLocation().getLineNr();
                sink.payload(mapper.readTree(p), at);
            } else if (t == JsonToken.START_ARRAY) {
                while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                    if (t == null) return;
                    long at = line >= 0 ? line : p.currentTokenLocation().getLineNr();
                    if (t == JsonToken.START_OBJECT) {
                        sink.payload(mapper.readTree(p), at);
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

    /** Jackson's message without its note on where the source is (the error already names file and line). */
    private static String plain(JsonProcessingException e) {
        return e.getOriginalMessage().replaceAll("\\[Source: [^;]*; ", "[");
    }

    private static String stripBom(String s) { return s.startsWith("\uFEFF") ? s.substring(1) : s; }
}
