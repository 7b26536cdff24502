package io.wabill.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an output set's {@code run.json} says: the command and its arguments, wabill's version, every input file with
 * its size and SHA-256, the row accounting, and every file the run wrote with its size and SHA-256. It is written
 * last, so a folder whose manifest matches its files holds one whole run. Nothing in it depends on the clock, so
 * equal inputs give equal bytes.
 */
public final class RunManifest {
    /**
     * Streaming JSON only: a mapper's first use initializes the data-binding layer (date formats, introspection), about
     * 70 ms of CPU at the start of every run into a folder that holds an earlier run.json (BENCHMARKS.md, issue 14).
     */
    private static final JsonFactory JSON = new JsonFactory();

    /** The manifest format's version, for readers. */
    public static final int FORMAT = 1;

    /** A file the manifest names: its path (relative to the manifest's folder for outputs), size and SHA-256. */
    public record FileEntry(String path, long bytes, String sha256) {}

    private final String command;
    private final List<String> arguments;
    private final String version;
    private final List<Path> inputs = new ArrayList<>();
    private final Map<String, Long> rows = new LinkedHashMap<>();
    /** Hashes the inputs ahead of the commit; null unless {@link #hashAhead} was asked for. */
    private InputHasher hasher;

    /**
     * @param command   the command, e.g. {@code simulate} or {@code import webhooks}
     * @param arguments its arguments as given (secrets such as a mask salt already hidden)
     * @param version   wabill's version
     */
    public RunManifest(String command, List<String> arguments, String version) {
        this.command = command;
        this.arguments = List.copyOf(arguments);
        this.version = version;
    }

    public String command() { return command; }

    /**
     * Adds an input file (a log, a card, an accounts file), or the files of an input folder (a folder of cards); each
     * is hashed when the set commits, or from now on while the run reads it once {@link #hashAhead} was asked for.
     */
    public RunManifest input(Path file) {
        if (file == null) return this;
        if (Files.isDirectory(file)) {
            try (java.util.stream.Stream<Path> list = Files.list(file)) {
                // Not the folder's own bookkeeping (a catalog that rates import wrote has a lock file and run.json).
                list.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".")
                        && !p.getFileName().toString().equals(OutputSet.MANIFEST)).sorted().forEach(this::input);
            } catch (IOException e) {
                // the run reads the folder itself and reports what it cannot read
            }
            return this;
        }
        // A file the run wrote itself and reads back (reconcile's imported log) is an output, named under "files".
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null && parent.getFileName() != null && parent.getFileName().toString().startsWith(StagingFolder.PREFIX))
            return this;
        if (!inputs.contains(file)) {
            inputs.add(file);
            if (hasher != null) hasher.add(file);
        }
        return this;
    }

    /**
     * Hashes the inputs named so far, and those named later, on a thread of their own while the run goes on
     * ({@link InputHasher}), for a run allowed a second thread: hashing the 155 MB log of issue 14 took 0.15 s of the
     * run's thread at the commit. The commit waits for the hashes.
     */
    public RunManifest hashAhead() {
        if (hasher == null) {
            hasher = new InputHasher();
            for (Path p : inputs) hasher.add(p);
        }
        return this;
    }

    public RunManifest inputs(List<Path> files) {
        for (Path f : files) input(f);
        return this;
    }

    /** Sets one item of the row accounting, e.g. {@code rows_in}. */
    public RunManifest rows(String item, long count) {
        rows.put(item, count);
        return this;
    }

    public Map<String, Long> rows() { return Map.copyOf(rows); }

    public List<Path> inputPaths() { return List.copyOf(inputs); }

    /** Writes the manifest with the given output files. */
    void write(OutputStream out, List<FileEntry> files) throws IOException {
        try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeNumberField("wabill_manifest", FORMAT);
            g.writeStringField("command", command);
            g.writeArrayFieldStart("arguments");
            for (String a : arguments) g.writeString(a);
            g.writeEndArray();
            g.writeStringField("version", version);
            g.writeArrayFieldStart("inputs");
            for (Path p : inputs) {
                FileEntry e = hasher != null ? hasher.entry(p) : describe(p, p.toString());
                entry(g, e);
            }
            g.writeEndArray();
            g.writeObjectFieldStart("rows");
            for (Map.Entry<String, Long> e : rows.entrySet()) g.writeNumberField(e.getKey(), e.getValue());
            g.writeEndObject();
            g.writeArrayFieldStart("files");
            for (FileEntry e : files) entry(g, e);
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }

    private static void entry(JsonGenerator g, FileEntry e) throws IOException {
        g.writeStartObject();
        g.writeStringField("path", e.path());
        g.writeNumberField("bytes", e.bytes());
        g.writeStringField("sha256", e.sha256());
        g.writeEndObject();
    }

    /** Waits for every input's hash; throws when an input cannot be read. */
    void awaitInputs() throws IOException {
        if (hasher != null) for (Path p : inputs) hasher.entry(p);
    }

    /** The run will not commit: inputs not hashed yet need not be. */
    void abandon() {
        if (hasher != null) hasher.abandon();
    }

    /** Size and SHA-256 of a file, read now. */
    static FileEntry describe(Path file, String name) throws IOException { return describe(file, name, () -> false); }

    /** Size and SHA-256 of a file, read now; null when {@code stop} says so before the end. */
    static FileEntry describe(Path file, String name, java.util.function.BooleanSupplier stop) throws IOException {
        MessageDigest sha = sha256();
        long bytes = 0;
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                if (stop.getAsBoolean()) return null;
                sha.update(buffer, 0, n);
                bytes += n;
            }
        } catch (IOException e) {
            throw new OutputException("cannot read " + file + " to record it in run.json: " + OutputException.reason(e), e);
        }
        return new FileEntry(name, bytes, HexFormat.of().formatHex(sha.digest()));
    }

    /** The output files an earlier manifest names, or none when there is none or it cannot be read. */
    public static List<FileEntry> filesOf(Path manifest) {
        List<FileEntry> files = new ArrayList<>();
        if (!Files.isRegularFile(manifest)) return files;
        try (JsonParser p = JSON.createParser(manifest.toFile())) {
            if (p.nextToken() != JsonToken.START_OBJECT) return new ArrayList<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (field.equals("files") && value == JsonToken.START_ARRAY) {
                    files.clear(); // a repeated key: the last one stands, as in a JSON object
                    while ((value = p.nextToken()) != JsonToken.END_ARRAY) {
                        if (value == JsonToken.START_OBJECT) {
                            FileEntry f = fileEntry(p);
                            if (f != null) files.add(f);
                        } else {
                            p.skipChildren();
                        }
                    }
                } else {
                    p.skipChildren();
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) return new ArrayList<>();
        } catch (IOException | RuntimeException e) {
            // A damaged or foreign run.json names nothing wabill may remove; it is replaced by this run's.
            return new ArrayList<>();
        }
        return files;
    }

    /**
     * One entry of {@code files}, the parser on its start: null unless it has a text path, a whole size and a text
     * hash.
     */
    private static FileEntry fileEntry(JsonParser p) throws IOException {
        String path = null, sha256 = null;
        Long bytes = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            switch (field) {
                case "path" -> path = value == JsonToken.VALUE_STRING ? p.getText() : null;
                case "sha256" -> sha256 = value == JsonToken.VALUE_STRING ? p.getText() : null;
                case "bytes" -> bytes = value == JsonToken.VALUE_NUMBER_INT
                        && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER ? Long.valueOf(p.getLongValue()) : null;
                default -> { }
            }
            p.skipChildren();
        }
        return path != null && bytes != null && sha256 != null ? new FileEntry(path, bytes, sha256) : null;
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
