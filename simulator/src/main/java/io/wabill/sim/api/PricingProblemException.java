package io.wabill.sim.api;

/** A session met a {@link RowProblem} and its {@link ProblemHandler} said stop: bad input, not a bug. */
public final class PricingProblemException extends RuntimeException {
    private final transient RowProblem problem;

    public PricingProblemException(RowProblem p) {
        super(p.location() + ": column " + p.column() + (p.value() == null || p.value().isEmpty() ? "" : " ('" + p.value() + "')")
                + ": " + p.reason(), null, false, false);
        this.problem = p;
    }

    public RowProblem problem() { return problem; }
}
