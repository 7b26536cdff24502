package io.wabill.report.chart;

import java.time.LocalDate;

/** A dated event drawn as a vertical line: a regime switch (G1) or a rate-card change (G2). */
public record Marker(LocalDate day, String label) {}
