package io.wabill.sim.api;

/**
 * What a session does with a {@link RowProblem}. Returning normally skips the row (it is counted in
 * {@link RowAccounting#rowsSkipped()}); throwing stops the session with that exception, its state unchanged by the
 * row. {@link #STOP} (the default) throws a {@link PricingProblemException}.
 */
@FunctionalInterface
public interface ProblemHandler {
    ProblemHandler STOP = p -> { throw new PricingProblemException(p); };

    void problem(RowProblem problem);
}
