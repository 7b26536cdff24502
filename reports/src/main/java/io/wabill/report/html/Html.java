package io.wabill.report.html;

/** Escapes text for HTML and XML alike (the report is both), so no input can add markup or break a page. */
public final class Html {
    private Html() {}

    public static String text(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&': b.append("&amp;"); break;
                case '<': b.append("&lt;"); break;
                case '>': b.append("&gt;"); break;
                case '"': b.append("&quot;"); break;
                case '\'': b.append("&#39;"); break;
                default:
                    // Control characters are not allowed in XML 1.0 text; they show as a replacement character.
                    if (c < 0x20 && c != '\n' && c != '\t') b.append('\uFFFD');
                    else b.append(c);
            }
        }
        return b.toString();
    }
}
