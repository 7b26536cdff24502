package io.wabill.sim.rates;

/** One problem found while validating rate cards: where it is and what is wrong. */
public record CardProblem(String file, long line, String column, String message) {
    @Override public String toString() {
        StringBuilder b = new StringBuilder(file);
        if (line > 0) b.append(':').append(line);
        if (column != null && !column.isEmpty()) b.append(" [").append(column).append(']');
        return b.append(": ").append(message).toString();
    }
}
