package io.wabill.data.traffic;

import java.util.List;

/** A traffic model file with problems, every one of them with file, line, column, key and what was expected. */
public final class TrafficModelException extends Exception {
    private final List<String> problems;

    public TrafficModelException(List<String> problems) {
        super(problems.size() == 1 ? problems.get(0)
                : problems.size() + " problems in the traffic model:\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() { return problems; }
}
