package io.wabill.app;

import io.wabill.data.traffic.LogCsvWriter;
import io.wabill.data.traffic.TrafficGenerator;
import io.wabill.data.traffic.TrafficModel;
import io.wabill.data.traffic.TrafficModelWriter;
import io.wabill.report.OutputSet;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * The files of {@code generate}: a generated log (CSV, or gzip when the name ends {@code .gz}) and a fitted traffic
 * model. Each appears whole or not at all.
 */
public final class GeneratedLogFile {
    private GeneratedLogFile() {}

    /** What was generated. */
    public record Result(long rows, double seconds, List<Path> written) {}

    /** Runs the generator into {@code out}; {@code progress} watches the days generated. */
    public static Result write(TrafficGenerator generator, TrafficModel model, Path out, Progress progress) throws IOException {
        long started = System.nanoTime();
        OutputSet outputs = new OutputSet(out.toAbsolutePath().getParent());
        Progress.Ticket ticket = progress.start(() -> generator.daysDone() / (double) generator.plan().days());
        try {
            OutputStream stream = outputs.openBinary(out.getFileName().toString());
            if (out.getFileName().toString().endsWith(".gz")) {
                // Fastest deflate level: compression should not be what limits the generator; mtime 0 keeps bytes stable.
                stream = new GZIPOutputStream(stream, 1 << 16) {
                    { def.setLevel(Deflater.BEST_SPEED); }
                };
            }
            long rows;
            try (LogCsvWriter writer = new LogCsvWriter(stream, model)) {
                rows = generator.run(writer);
            }
            ticket.stop();
            List<Path> written = outputs.commit();
            return new Result(rows, (System.nanoTime() - started) / 1e9, written);
        } catch (IOException | RuntimeException e) {
            ticket.stop();
            outputs.abort();
            throw e;
        }
    }

    /** Saves a fitted traffic model with its header comment lines. */
    public static List<Path> saveModel(TrafficModel model, List<String> header, Path save) throws IOException {
        OutputSet outputs = new OutputSet(save.toAbsolutePath().getParent());
        try (Writer w = outputs.open(save.getFileName().toString())) {
            TrafficModelWriter.write(model, header, w);
        } catch (IOException | RuntimeException e) {
            outputs.abort();
            throw e;
        }
        return outputs.commit();
    }
}
