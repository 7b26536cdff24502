package io.wabill.data.rates;

import io.wabill.sim.rates.CardProblem;
import java.util.List;
import java.util.stream.Collectors;

/** Rate cards that did not validate; carries every problem found, so they can be fixed in one go. */
public final class CatalogLoadException extends Exception {
    private final List<CardProblem> problems;

    public CatalogLoadException(List<CardProblem> problems) {
        super(problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + " in the rate cards:\n  "
                + problems.stream().map(CardProblem::toString).collect(Collectors.joining("\n  ")));
        this.problems = List.copyOf(problems);
    }

    public List<CardProblem> problems() { return problems; }
}
