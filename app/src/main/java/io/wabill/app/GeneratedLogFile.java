package io.wabill.app;

import io.wabill.data.traffic.LogCsvWriter;
import io.wabill.data.traffic.TrafficGenerator;
import io.wabill.data.traffic.TrafficModel;
import io.wabill.data.traffic.TrafficModelWriter;
import io.wabill.report.OutputSet;
import io.wabill.report.RunManifest;
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

    /** Runs the generator into {@code out}, with the library's default manifest ({@link DefaultManifest}). */
    public static Result write(TrafficGenerator generator, TrafficModel model, Path out, Progress progress) throws IOException {
        return write(generator, model, out, progress, DefaultManifest.of("generate"));
    }

    /**
     * Runs the generator into {@code out}, published with its manifest {@code NAME.run.json} beside it; {@code progress}
     * watches the days generated.
     */
    public static Result write(TrafficGenerator generator, TrafficModel model, Path out, Progress progress,
                               RunManifest manifest) throws IOException {
        long started = System.nanoTime();
        try (OutputSet outputs = OutputSet.beside(out, manifest)) {
            long rows;
            Progress.Ticket ticket = progress.start(() -> generator.daysDone() / (double) generator.plan().days());
            try {
                OutputStream stream = outputs.openBinary(out.getFileName().toString());
                if (out.getFileName().toString().endsWith(".gz")) {
                    // Fastest deflate level: compression should not be what limits the generator; mtime 0 keeps bytes stable.
                    stream = new GZIPOutputStream(stream, 1 << 16) {
                        { def.setLevel(Deflater.BEST_SPEED); }
                    };
                }
                try (LogCsvWriter writer = new LogCsvWriter(stream, model)) {
                    rows = generator.run(writer);
                }
            } finally {
                ticket.stop();
            }
            manifest.rows("rows_written", rows);
            List<Path> written = outputs.commit();
            return new Result(rows, (System.nanoTime() - started) / 1e9, written);
        }
    }

    /** Saves a fitted traffic model with its header comment lines, with the library's default manifest. */
    public static List<Path> saveModel(TrafficModel model, List<String> header, Path save) throws IOException {
        return saveModel(model, header, save, DefaultManifest.of("generate"));
    }

    /** Saves a fitted traffic model with its header comment lines and its manifest {@code NAME.run.json} beside it. */
    public static List<Path> saveModel(TrafficModel model, List<String> header, Path save, RunManifest manifest)
            throws IOException {
        try (OutputSet outputs = OutputSet.beside(save, manifest)) {
            saveModel(model, header, save, outputs);
            return outputs.commit();
        }
    }

    /**
     * Writes a fitted traffic model into an output set begun beside it ({@link OutputSet#beside}) before the fit, so
     * the fit's skipped rows go into the same set; the caller commits.
     */
    public static void saveModel(TrafficModel model, List<String> header, Path save, OutputSet outputs) throws IOException {
        try (Writer w = outputs.open(save.getFileName().toString())) {
            TrafficModelWriter.write(model, header, w);
        }
    }
}
