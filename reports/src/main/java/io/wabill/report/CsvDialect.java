package io.wabill.report;

/** How written CSV files end their lines and whether they start with a byte-order mark. */
public enum CsvDialect {
    /** LF line ends, no BOM: what command-line tools and most BI loaders expect (the default). */
    UNIX("\n", false),
    /** CRLF line ends as RFC 4180 writes them, no BOM. */
    RFC4180("\r\n", false),
    /** UTF-8 BOM and CRLF, so Excel opens UTF-8 text correctly. */
    EXCEL("\r\n", true);

    private final String lineEnd;
    private final boolean bom;

    CsvDialect(String lineEnd, boolean bom) {
        this.lineEnd = lineEnd;
        this.bom = bom;
    }

    public String lineEnd() { return lineEnd; }

    public boolean bom() { return bom; }
}
