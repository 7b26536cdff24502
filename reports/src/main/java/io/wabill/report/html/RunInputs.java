package io.wabill.report.html;

import java.util.List;

/**
 * What a run was given and used, for the report's inputs section: the command assembles it from its options,
 * the catalog and what the run saw ({@link io.wabill.report.RunFacts}).
 */
public record RunInputs(String command, List<LogFile> logs, String catalog, List<CardUse> cards,
                        List<RegimeUse> regimes, List<String[]> options, List<AccountInfo> accounts) {
    /** One input log. */
    public record LogFile(String path, long bytes) {}

    /** A rate card that priced lines: effective date, where it came from, what the catalog declares of its period. */
    public record CardUse(String id, String effective, String source, String coverage, String provenance, long lines,
                          String firstDay, String lastDay) {}

    /** A regime that decided lines (G1), or the forced one of a what-if run. */
    public record RegimeUse(String regime, long lines, String firstDay, String lastDay) {}

    /** One account's settings (FORMATS.md section 2). */
    public record AccountInfo(String id, String timeZone, String currency, String businessCountry,
                              String authInternationalFrom, String portfolio) {}
}
