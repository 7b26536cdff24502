package io.wabill.bench;

import io.wabill.data.samples.SyntheticLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * The generated logs the benchmarks read, kept in the temporary folder between runs: a 10M-row log takes
 * longer to write than to price. A file is named by its settings, so a changed generator never reuses an old one.
 */
final class BenchLogs {
    private BenchLogs() {}

    static final LocalDate FIRST = LocalDate.of(2026, 10, 1);

    static SyntheticLog.Settings settings(long rows, int portfolios) {
        return new SyntheticLog.Settings(rows, FIRST, 30, portfolios, 3, 200_000, 20261126L);
    }

    /** The log of {@code rows} rows and its accounts.csv, written once. */
    static Path log(long rows, int portfolios) throws IOException {
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "wabill-bench");
        Files.createDirectories(dir);
        Path file = dir.resolve("log-" + rows + "-p" + portfolios + "-v1.csv");
        Path accounts = accounts(file);
        if (!Files.exists(file) || !Files.exists(accounts)) {
            Path partial = dir.resolve(file.getFileName() + ".partial");
            SyntheticLog.write(settings(rows, portfolios), partial);
            SyntheticLog.writeAccounts(settings(rows, portfolios), accounts);
            Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }

    static Path accounts(Path log) { return log.resolveSibling(log.getFileName() + ".accounts.csv"); }
}
