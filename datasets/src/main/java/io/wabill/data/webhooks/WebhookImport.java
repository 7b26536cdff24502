package io.wabill.data.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wabill.data.log.LogFormatException;
import io.wabill.data.log.RowError;
import io.wabill.sim.domain.TemplateCategory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads stored webhook payloads from files, in the order given, and hands the joined log rows to a consumer in
 * time order. A payload that cannot be read or used goes to the errors with its file and line; the rest go on.
 */
public final class WebhookImport {
    /** How statuses are joined (see {@link MessageJoiner}) and which category templates without one take. */
    public record Settings(Duration joinWindow, Duration statusHorizon, TemplateCategory unknownTemplateCategory) {}

    private final Settings settings;
    private final ObjectMapper mapper = new ObjectMapper();

    public WebhookImport(Settings settings) { this.settings = settings; }

    public ImportReport run(List<Path> files, Consumer<ImportedRow> rows, Consumer<RowError> errors) throws IOException {
        ImportReport report = new ImportReport();
        PayloadParser parser = new PayloadParser();
        report.skipped = parser.skipped();
        MessageJoiner joiner = new MessageJoiner(settings.joinWindow().toMillis(), settings.statusHorizon().toMillis(),
                new KindInference(settings.unknownTemplateCategory()), report, rows, errors);
        for (Path file : files) {
            String name = file.toString();
            if (!Files.isRegularFile(file))
                throw new LogFormatException(new RowError(name, 0, "", "", Files.exists(file) ? "not a file" : "no such file"));
            report.files++;
            new PayloadReader(mapper).read(file, new PayloadReader.Sink() {
                @Override public void payload(JsonNode payload, long line) {
                    report.payloads++;
                    List<Object> events;
                    try {
                        events = parser.parse(payload, name, line);
                    } catch (BadPayloadException e) {
                        report.badPayloads++;
                        errors.accept(new RowError(name, line, e.field(), e.value(), e.getMessage()));
                        return;
                    }
                    for (Object event : events) joiner.accept(event);
                }

                @Override public void unreadable(long line, long column, String reason) {
                    report.badPayloads++;
                    errors.accept(new RowError(name, line, column > 0 ? "column " + column : "", "", reason));
                }
            });
        }
        joiner.finish();
        return report;
    }
}
