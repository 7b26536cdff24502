package io.wabill.data.log;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * The scanner skips plain bytes eight at a time: cells of every length, with the bytes around the word test's
 * bounds (',' and '-' on either side of it, DEL, the first byte of another character, CR, LF, quotes) at every
 * place in a word and across buffer ends, are read as Commons CSV reads the decoded text.
 */
class ByteCsvScannerWordTest {
    private static final String[] PIECES = {",", "\n", "\r", "\r\n", "\"", "+", "-", ".", "a", "0", "Z", "\u007f", " ",
        "\t", "\u00e9", "\u20ac", "\ud83d\ude00", "abcdefgh", "0123456789012345", "--------"};

    @Test
    void readsWhatCommonsCsvReadsWhateverTheWordBoundaries() throws IOException {
        SplittableRandom rnd = new SplittableRandom(29);
        for (int round = 0; round < 20_000; round++) {
            StringBuilder text = new StringBuilder();
            int n = rnd.nextInt(40);
            for (int i = 0; i < n; i++) text.append(PIECES[rnd.nextInt(PIECES.length)]);
            String input = text.toString();
            int bufferSize = 16 + rnd.nextInt(48);
            assertEquals(commons(input), scanner(input, bufferSize), () -> "input: " + input.replace("\r", "\\r")
                    .replace("\n", "\\n") + " buffer " + bufferSize);
        }
    }

    private static List<String> commons(String input) {
        List<String> records = new ArrayList<>();
        try {
            for (CSVRecord r : CSVFormat.RFC4180.parse(new StringReader(input))) records.add(r.toList().toString());
        } catch (IOException | RuntimeException e) {
            records.add("error");
        }
        return records;
    }

    private static List<String> scanner(String input, int bufferSize) {
        List<String> records = new ArrayList<>();
        ByteCsvScanner s = new ByteCsvScanner(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), bufferSize,
                1_000_000);
        try {
            while (s.next()) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < s.size(); i++) cells.add(s.cell(i));
                records.add(cells.toString());
            }
        } catch (IOException e) {
            records.add("error");
        }
        return records;
    }
}
