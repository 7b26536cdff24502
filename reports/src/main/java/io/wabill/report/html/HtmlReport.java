package io.wabill.report.html;

import io.wabill.report.chart.Chart;
import io.wabill.report.chart.ChartWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One self-contained {@code report.html}: charts as inline SVG, sortable tables, facts and notes, with the style
 * and a small sorting script inline: no network, no external script, image or font. The markup is HTML5 and at
 * the same time well-formed XML (XHTML), so any XML parser can check it; every text is escaped.
 *
 * <p>Commands add sections in the order they should read, e.g. {@code report.section("comparison", "Strategy
 * comparison").chart(new ComparisonChart(...)).table(table)}.
 */
public final class HtmlReport {
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    private final String title;
    private final ChartWriter charts;
    private final List<Section> sections = new ArrayList<>();

    public HtmlReport(String title, ChartWriter charts) {
        this.title = title;
        this.charts = charts;
    }

    /** A new section with an id (a fragment link target) and a heading; it appears in the table of contents. */
    public Section section(String id, String heading) {
        Section s = new Section(id, heading);
        sections.add(s);
        return s;
    }

    /** One part of the report. */
    public final class Section {
        private final String id;
        private final String heading;
        private final StringBuilder body = new StringBuilder();

        Section(String id, String heading) {
            this.id = id;
            this.heading = heading;
        }

        public Section paragraph(String text) {
            body.append("<p>").append(Html.text(text)).append("</p>\n");
            return this;
        }

        /** Name and value pairs, as a definition list. */
        public Section facts(List<String[]> pairs) {
            body.append("<dl>\n");
            for (String[] p : pairs)
                body.append("<dt>").append(Html.text(p[0])).append("</dt><dd>").append(Html.text(p[1])).append("</dd>\n");
            body.append("</dl>\n");
            return this;
        }

        public Section chart(Chart chart) {
            body.append("<figure id=\"chart-").append(Html.text(chart.name())).append("\">\n")
                    .append(charts.svg(chart)).append("\n<figcaption>").append(Html.text(chart.title()))
                    .append("</figcaption>\n</figure>\n");
            return this;
        }

        public Section table(Table t) {
            // The wrapper scrolls sideways if a table still cannot fit; cells wrap first, so it rarely has to.
            body.append("<div class=\"table-wrap\">\n<table class=\"sortable\" id=\"").append(Html.text(t.id())).append("\">\n<caption>")
                    .append(Html.text(t.caption())).append(" (")
                    .append(t.rows().size()).append(t.rows().size() == 1 ? " row" : " rows")
                    .append("; click a heading to sort)</caption>\n<thead><tr>");
            for (int i = 0; i < t.columns().size(); i++)
                body.append(t.numeric(i) ? "<th class=\"num\">" : "<th>").append(breakable(t.columns().get(i))).append("</th>");
            body.append("</tr></thead>\n<tbody>\n");
            rows(t, t.rows());
            body.append("</tbody>\n");
            if (!t.footer().isEmpty()) {
                body.append("<tfoot>\n");
                rows(t, t.footer());
                body.append("</tfoot>\n");
            }
            body.append("</table>\n</div>\n");
            return this;
        }

        private void rows(Table t, List<List<String>> rows) {
            for (List<String> row : rows) {
                body.append("<tr>");
                for (int i = 0; i < row.size(); i++) {
                    String v = row.get(i);
                    if (t.numeric(i) && NUMBER.matcher(v).matches()) {
                        body.append("<td class=\"num\" data-v=\"").append(v).append("\">").append(grouped(v)).append("</td>");
                    } else {
                        body.append("<td>").append(breakable(v)).append("</td>");
                    }
                }
                body.append("</tr>\n");
            }
        }
    }

    /**
     * Escaped text with a line-break opportunity ({@code <wbr/>}) after each separator ({@code _ , ; | / : =}) of a
     * long word (10 characters or more without a space), so a strategy's spec or a column name wraps at its parts
     * instead of widening the table; ordinary text, and the text itself (copied, or read by a parser), is unchanged.
     */
    static String breakable(String text) {
        if (text == null) return "";
        StringBuilder b = new StringBuilder(text.length() + 16);
        int start = 0;
        while (start <= text.length()) {
            int space = text.indexOf(' ', start);
            int end = space < 0 ? text.length() : space;
            String word = text.substring(start, end);
            if (word.length() < 10) {
                b.append(Html.text(word));
            } else {
                int from = 0;
                for (int k = 0; k < word.length(); k++) {
                    char c = word.charAt(k);
                    if ((c == '_' || c == ',' || c == ';' || c == '|' || c == '/' || c == ':' || c == '=') && k + 1 < word.length()) {
                        b.append(Html.text(word.substring(from, k + 1))).append("<wbr/>");
                        from = k + 1;
                    }
                }
                b.append(Html.text(word.substring(from)));
            }
            if (space < 0) break;
            b.append(' ');
            start = space + 1;
        }
        return b.toString();
    }

    /** Thousands separators for reading, every decimal kept: {@code 1234567.5000} shows as {@code 1,234,567.5000}. */
    static String grouped(String plain) {
        boolean negative = plain.startsWith("-");
        String digits = negative ? plain.substring(1) : plain;
        int dot = digits.indexOf('.');
        String whole = dot < 0 ? digits : digits.substring(0, dot);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) b.append(',');
            b.append(whole.charAt(i));
        }
        return (negative ? "-" : "") + b + (dot < 0 ? "" : digits.substring(dot));
    }

    public void write(Writer out) throws IOException {
        out.write("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n");
        out.write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n");
        out.write("<title>" + Html.text(title) + "</title>\n<style>\n" + STYLE + "</style>\n</head>\n<body>\n");
        out.write("<header><h1>" + Html.text(title) + "</h1>\n<nav><ul>\n");
        for (Section s : sections)
            out.write("<li><a href=\"#" + Html.text(s.id) + "\">" + Html.text(s.heading) + "</a></li>\n");
        out.write("</ul></nav></header>\n<main>\n");
        for (Section s : sections) {
            out.write("<section id=\"" + Html.text(s.id) + "\">\n<h2>" + Html.text(s.heading) + "</h2>\n");
            out.write(s.body.toString());
            out.write("</section>\n");
        }
        out.write("</main>\n<footer><p>Made by wabill. This file needs no network: charts, style and script are inside it.</p>"
                + "<p>Rule ids (such as G2a or D6) here and in the ledger's note column are explained in docs/rules.md of the "
                + "wabill repository, and printed by <code>wabill rules ID</code>.</p></footer>\n");
        out.write("<script>\n" + SCRIPT + "</script>\n</body>\n</html>\n");
    }

    private static final String STYLE = String.join("\n",
            "body { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif; margin: 0 auto; max-width: 1240px; padding: 0 1.2em 3em; color: #222; }",
            "h1 { margin-top: 1em; } h2 { border-bottom: 1px solid #ddd; padding-bottom: .2em; margin-top: 2em; }",
            "nav ul { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .4em 1.2em; }",
            "figure { margin: 1.5em 0; } figure svg { max-width: 100%; height: auto; border: 1px solid #eee; }",
            "figcaption { color: #555; font-size: .9em; }",
            ".table-wrap { max-width: 100%; overflow-x: auto; }",
            "table { border-collapse: collapse; margin: 1em 0; font-size: .9em; max-width: 100%; }",
            "caption { text-align: left; color: #555; padding: .3em 0; }",
            "th, td { border: 1px solid #ddd; padding: .25em .6em; text-align: left; overflow-wrap: break-word; }",
            "td.num { overflow-wrap: normal; white-space: nowrap; }",
            "th { background: #f4f4f4; cursor: pointer; user-select: none; }",
            "tfoot td { font-weight: 600; border-top: 2px solid #bbb; }",
            "th[aria-sort=ascending]::after { content: ' \\25B2'; } th[aria-sort=descending]::after { content: ' \\25BC'; }",
            ".num { text-align: right; font-variant-numeric: tabular-nums; }",
            "dl { display: grid; grid-template-columns: max-content auto; gap: .2em 1em; } dt { font-weight: 600; } dd { margin: 0; }",
            "footer { margin-top: 3em; color: #777; font-size: .85em; }", "");

    /** Sorts a table by a clicked heading. Written without '<' and '&' so the page stays well-formed XML. */
    private static final String SCRIPT = String.join("\n",
            "document.querySelectorAll('table.sortable th').forEach(function (th) {",
            "  th.addEventListener('click', function () {",
            "    var table = th.closest('table'), body = table.tBodies[0];",
            "    var index = Array.prototype.indexOf.call(th.parentNode.children, th);",
            "    var numeric = th.classList.contains('num');",
            "    var ascending = th.getAttribute('aria-sort') !== 'ascending';",
            "    table.querySelectorAll('th').forEach(function (h) { h.removeAttribute('aria-sort'); });",
            "    th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');",
            "    var value = function (row) { var c = row.cells[index]; return c.getAttribute('data-v') || c.textContent; };",
            "    var rows = Array.prototype.slice.call(body.rows);",
            "    rows.sort(function (a, b) {",
            "      var c = numeric ? parseFloat(value(a)) - parseFloat(value(b)) : value(a).localeCompare(value(b));",
            "      return ascending ? c : -c;",
            "    });",
            "    rows.forEach(function (r) { body.appendChild(r); });",
            "  });",
            "});",
            "document.documentElement.setAttribute('data-sortable', 'ready');", "");
}
