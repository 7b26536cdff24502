package io.wabill.bench.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The read floor of issue 14: reads a CSV file line by line as UTF-8 text and splits every line on commas
 * ({@code String.split}), printing the rows and cells seen so the work cannot be skipped.
 */
public final class ReadSplit {
    private ReadSplit() {}

    public static void main(String[] args) throws IOException {
        long rows = 0, cells = 0;
        try (BufferedReader r = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                cells += line.split(",", -1).length;
                rows++;
            }
        }
        System.out.println(rows + " lines, " + cells + " cells");
    }
}
