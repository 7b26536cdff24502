package io.wabill.report.focus;

import java.util.Map;

/** Serializes a flat string map as a JSON object (ECMA-404), for FOCUS's key-value columns such as Tags. */
final class Json {
    private Json() {}

    static String object(Map<String, String> values) {
        StringBuilder b = new StringBuilder("{");
        for (Map.Entry<String, String> e : values.entrySet()) {
            if (b.length() > 1) b.append(',');
            string(b, e.getKey());
            b.append(':');
            if (e.getValue() == null) b.append("null");
            else string(b, e.getValue());
        }
        return b.append('}').toString();
    }

    private static void string(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"': b.append("\\\""); break;
                case '\\': b.append("\\\\"); break;
                case '\n': b.append("\\n"); break;
                case '\r': b.append("\\r"); break;
                case '\t': b.append("\\t"); break;
                default:
                    if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
                    else b.append(c);
            }
        }
        b.append('"');
    }
}
