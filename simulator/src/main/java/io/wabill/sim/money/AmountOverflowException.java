package io.wabill.sim.money;

/**
 * An amount or a total past what {@link Money} holds (a {@code long} of 10^-8 units: 92,233,720,368.54775807 of a
 * currency). Every sum of amounts goes through {@link Money#add}, so a total never wraps around into a wrong number:
 * the run stops with this, which commands report as an input error (exit 1, one line), since it is the input's size
 * or its rates that pass the bound, never a fault of the run.
 */
public final class AmountOverflowException extends ArithmeticException {
    private static final long serialVersionUID = 1L;

    /** The largest amount Money holds, as printed. */
    public static final String LARGEST = "92,233,720,368.54775807";

    /** @param what what passed the bound, up to its verb: {@code amounts of 1.00 and 2.00 add up to} */
    public AmountOverflowException(String what) {
        super(what + " more than " + LARGEST + ", the most an exact amount of wabill holds in any currency; "
                + "price the input in smaller parts (a month, an account, a portfolio or fewer messages at a time)");
    }
}
