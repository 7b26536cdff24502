package io.wabill.data.analytics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wabill.data.log.LogFormatException;
import io.wabill.data.log.RowError;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a saved {@code pricing_analytics} or {@code conversation_analytics} response: {@code {"pricing_analytics":
 * {"data": [{"data_points": [{"start", "end", "country", "phone_number", "pricing_category", "pricing_type",
 * "tier", "volume", "cost"}]}]}, "id": WABA}}, or the same for {@code conversation_analytics} with {@code
 * conversation_category}, {@code conversation_type}, {@code conversation_direction} and {@code conversation};
 * a bare {@code {"data": [...]}} is told apart by its fields. Costs are read as exact decimals.
 */
public final class AnalyticsReader {
    private final ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    public AnalyticsResponse read(Path file) throws IOException {
        String name = file.toString();
        if (!Files.isRegularFile(file)) throw bad(name, "", Files.exists(file) ? "not a file" : "no such file");
        JsonNode root;
        try (InputStream in = open(file)) {
            root = mapper.readTree(in);
        } catch (JsonProcessingException e) {
            throw new LogFormatException(new RowError(name, e.getLocation() == null ? 0 : e.getLocation().getLineNr(), "", "",
                    "not JSON: " + e.getOriginalMessage()));
        }
        if (root == null || !root.isObject()) throw bad(name, "", "expected a JSON object (a saved Graph API response)");
        AnalyticsResponse.Kind kind = null;
        JsonNode body = root;
        if (root.has("pricing_analytics")) {
            kind = AnalyticsResponse.Kind.PRICING;
            body = root.get("pricing_analytics");
        } else if (root.has("conversation_analytics")) {
            kind = AnalyticsResponse.Kind.CONVERSATION;
            body = root.get("conversation_analytics");
        }
        JsonNode data = body.get("data");
        if (data == null || !data.isArray()) throw bad(name, "data", "expected pricing_analytics.data[] or conversation_analytics.data[]");
        List<AnalyticsResponse.DataPoint> points = new ArrayList<>();
        for (JsonNode block : data) {
            JsonNode dps = block.get("data_points");
            if (dps == null || !dps.isArray()) throw bad(name, "data[].data_points", "expected an array of data points");
            for (JsonNode dp : dps) {
                if (kind == null) kind = dp.has("conversation") ? AnalyticsResponse.Kind.CONVERSATION : AnalyticsResponse.Kind.PRICING;
                points.add(point(name, kind, dp, points.size()));
            }
        }
        if (kind == null) kind = AnalyticsResponse.Kind.PRICING;
        String waba = root.hasNonNull("id") ? root.get("id").asText() : "";
        return new AnalyticsResponse(name, kind, waba, points);
    }

    private static InputStream open(Path file) throws IOException {
        return io.wabill.data.files.InputFiles.open(file);
    }

    private AnalyticsResponse.DataPoint point(String file, AnalyticsResponse.Kind kind, JsonNode dp, int index) {
        String where = "data_points[" + index + "]";
        boolean pricing = kind == AnalyticsResponse.Kind.PRICING;
        long start = seconds(file, dp, "start", where), end = seconds(file, dp, "end", where);
        if (end <= start) throw bad(file, where + ".end", "end must come after start");
        JsonNode v = dp.get(pricing ? "volume" : "conversation");
        if (v == null || !v.canConvertToLong() || v.asLong() < 0)
            throw bad(file, where + (pricing ? ".volume" : ".conversation"), "expected a whole number >= 0");
        BigDecimal cost = null;
        JsonNode c = dp.get("cost");
        if (c != null && !c.isNull()) {
            try {
                cost = c.isNumber() ? c.decimalValue() : new BigDecimal(c.asText());
            } catch (NumberFormatException e) {
                throw bad(file, where + ".cost", "expected a decimal number, was " + c.asText());
            }
        }
        return new AnalyticsResponse.DataPoint(index, start, end, upper(dp, "country"), text(dp, "phone_number"),
                upper(dp, pricing ? "pricing_category" : "conversation_category"),
                upper(dp, pricing ? "pricing_type" : "conversation_type"), upper(dp, "conversation_direction"),
                text(dp, "tier"), v.asLong(), cost);
    }

    private static long seconds(String file, JsonNode dp, String field, String where) {
        JsonNode n = dp.get(field);
        if (n == null || !(n.canConvertToLong() || n.asText().matches("\\d{1,11}")))
            throw bad(file, where + "." + field, "expected epoch seconds");
        return (n.canConvertToLong() ? n.asLong() : Long.parseLong(n.asText())) * 1000L;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? "" : v.asText().trim();
    }

    private static String upper(JsonNode n, String field) { return text(n, field).toUpperCase(Locale.ROOT); }

    private static LogFormatException bad(String file, String field, String reason) {
        return new LogFormatException(new RowError(file, 0, field, "", reason));
    }
}
