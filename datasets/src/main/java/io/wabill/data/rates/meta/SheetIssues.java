package io.wabill.data.rates.meta;

import io.wabill.sim.rates.CardProblem;
import java.util.List;

/** The problems of one file, appended to the caller's list; the count decides whether its card is kept. */
final class SheetIssues {
    private final String file;
    private final List<CardProblem> sink;
    private int count;

    SheetIssues(String file, List<CardProblem> sink) {
        this.file = file;
        this.sink = sink;
    }

    void add(long line, String column, String message) {
        sink.add(new CardProblem(file, line, column == null ? "" : column, message));
        count++;
    }

    int count() { return count; }

    String file() { return file; }
}
