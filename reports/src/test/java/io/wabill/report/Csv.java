package io.wabill.report;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** Reads written CSV back with Commons CSV, as an analyst's tool would. */
final class Csv {
    private Csv() {}

    /** Header and rows of a CSV text; a UTF-8 BOM (Excel dialect) is removed first, as readers do. */
    static List<List<String>> read(String text) throws IOException {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<List<String>> rows = new ArrayList<>();
        for (CSVRecord r : CSVFormat.RFC4180.parse(new StringReader(body))) rows.add(r.toList());
        return rows;
    }
}
