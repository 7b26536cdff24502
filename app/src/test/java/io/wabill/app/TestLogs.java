package io.wabill.app;

import io.wabill.data.samples.SyntheticLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Logs the run tests share: one synthetic log, edited as a test needs. */
final class TestLogs {
    private TestLogs() {}

    /** The 12,000-row synthetic log of these tests, its lines (header first) given to {@code edit}, written as NAME.csv. */
    static Path synthetic(Path dir, String name, Consumer<List<String>> edit) throws Exception {
        SyntheticLog.Settings s = new SyntheticLog.Settings(12_000, LocalDate.of(2026, 10, 1), 6, 2, 2, 400, 11L);
        Path clean = dir.resolve(name + ".clean.csv"), log = dir.resolve(name + ".csv");
        SyntheticLog.write(s, clean);
        List<String> lines = new ArrayList<>(Files.readAllLines(clean));
        edit.accept(lines);
        Files.write(log, lines);
        return log;
    }

    /** Bad rows spread through a log, more than one reader batch apart and some in the first: a direction of "sideways". */
    static void spoilRows(List<String> lines) {
        for (int i = 3; i < lines.size(); i += 1_777) lines.set(i, lines.get(i).replaceFirst(",outbound,", ",sideways,"));
    }
}
