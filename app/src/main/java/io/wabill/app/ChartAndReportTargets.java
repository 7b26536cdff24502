package io.wabill.app;

import io.wabill.report.OutputSet;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The {@code --charts} and {@code --report} targets every run kind reserves before its first byte: the folders
 * (locked with the run) and the report's file name, so a target that is a file, or another run's, fails first.
 */
final class ChartAndReportTargets {
    private ChartAndReportTargets() {}

    /** Reserves the chart folder and the report folder with its {@code report.html}; null means not asked for. */
    static void reserve(OutputSet outputs, Path charts, Path report) throws IOException {
        if (charts != null) outputs.folder(charts);
        if (report != null) {
            outputs.folder(report);
            outputs.claim(report.resolve("report.html"), "report.html");
        }
    }
}
