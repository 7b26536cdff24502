package io.wabill.app.reconcile;

/** Agreement counts of one field: compared = agree + disagree; not reported = Meta said nothing to compare. */
public final class Tally {
    long agree, disagree, notReported;

    public long compared() { return agree + disagree; }

    public long agree() { return agree; }

    public long disagree() { return disagree; }

    public long notReported() { return notReported; }
}
