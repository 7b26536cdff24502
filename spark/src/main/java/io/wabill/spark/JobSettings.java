package io.wabill.spark;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * What every task needs to price exactly as the driver would, shipped once with the job: the command line (parsed
 * again on the executor, so options cannot drift), and the bytes of the accounts file and rate cards, which a
 * cluster's executors cannot read from the driver's disk.
 */
final class JobSettings implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Identifies one job's inputs in an executor's cache ({@link PricingInputs}). */
    final String id = UUID.randomUUID().toString();
    final String[] args;
    /** The log files as given, by file index (the order of the command line, as {@code wabill simulate}). */
    final List<String> logs;
    final byte[] accounts;
    /** Card files by name when {@code --rates} is given, else null (the bundled catalog). */
    final Map<String, byte[]> rates;
    final boolean ratesIsFile;

    private JobSettings(String[] args, List<String> logs, byte[] accounts, Map<String, byte[]> rates, boolean ratesIsFile) {
        this.args = args.clone();
        this.logs = List.copyOf(logs);
        this.accounts = accounts;
        this.rates = rates;
        this.ratesIsFile = ratesIsFile;
    }

    static JobSettings of(String[] args, SimulateOptions o) {
        try {
            byte[] accounts = null;
            if (o.accountsFile != null) {
                Path p = Path.of(o.accountsFile);
                if (!Files.isRegularFile(p)) throw new UserException("no such accounts file: " + o.accountsFile);
                accounts = Files.readAllBytes(p);
            }
            Map<String, byte[]> rates = null;
            boolean isFile = false;
            if (o.rates != null) {
                if (!Files.exists(o.rates)) throw new UserException("no such rates file or folder: " + o.rates);
                rates = new LinkedHashMap<>();
                if (Files.isDirectory(o.rates)) {
                    try (Stream<Path> s = Files.list(o.rates)) {
                        for (Path f : s.filter(Files::isRegularFile).sorted().toList())
                            rates.put(f.getFileName().toString(), Files.readAllBytes(f));
                    }
                } else {
                    isFile = true;
                    rates.put(o.rates.getFileName().toString(), Files.readAllBytes(o.rates));
                }
            }
            return new JobSettings(args, LogFiles.expand(o.logs), accounts, rates, isFile);
        } catch (IOException e) {
            throw new UserException("cannot read an input: " + e.getMessage());
        }
    }
}
