package io.wabill.bench;

import io.wabill.bench.e2e.PmpLog;
import io.wabill.data.log.LogReader;
import io.wabill.data.log.RowErrorHandler;
import io.wabill.data.samples.SyntheticLog;
import io.wabill.sim.engine.Engine;
import io.wabill.sim.events.LogRow;
import io.wabill.sim.events.Message;
import io.wabill.sim.events.MessageAssembler;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

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

    /** Issue 14's log of {@code rows} rows ({@link PmpLog}: one business number, 50,000 customers), written once. */
    static Path pmpLog(int rows) throws IOException {
        Path dir = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "wabill-bench"));
        Path log = dir.resolve("pmp-" + rows + "-v1.csv");
        if (!Files.exists(log)) {
            Path partial = dir.resolve(log.getFileName() + ".partial");
            try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16)) {
                PmpLog.write(rows, 50_000, 20251001L, o);
            }
            Files.move(partial, log, StandardCopyOption.REPLACE_EXISTING);
        }
        return log;
    }

    /** The folder of the tiered card that prices {@link #pmpLog} (D6's bands). */
    static Path pmpCards() throws IOException {
        Path cards = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "wabill-bench", "pmp-cards"));
        PmpLog.writeCard(cards.resolve("meta-rates-USD-2025-07-01.csv"));
        return cards;
    }

    /**
     * The messages of {@code log} as the assembler releases them (status rows merged, in evaluation order), for the
     * benchmarks that time the engine alone; {@code timing} only gives the evaluation instants.
     */
    static Message[] messages(Path log, Engine timing, long statusHorizonMillis) throws IOException {
        List<Message> list = new ArrayList<>();
        MessageAssembler assembler = new MessageAssembler(timing::evaluationInstant, statusHorizonMillis,
                new MessageAssembler.Listener() {
                    @Override public void message(Message m) { list.add(m); }

                    @Override public void rejectedRow(LogRow row, String column, String reason) { }
                });
        try (LogReader r = new LogReader(log, 0, RowErrorHandler.STOP)) {
            for (LogRow row = r.next(); row != null; row = r.next()) assembler.accept(row);
        }
        assembler.finish();
        return list.toArray(new Message[0]);
    }
}
