package io.wabill.sim.engine;

import io.wabill.sim.events.Message;
import java.time.LocalDate;

/**
 * What a regime pricer prices, handed to it as an argument: the message, its evaluation instant and the account's
 * local day of it, the window state of its (business, customer) pair, and the numbers of its account and market
 * for the counters. Read-only except the pair, whose windows and conversations pricing opens (B1, C2, D5). Valid
 * during one {@code price} call; the engine fills it per event and allocates nothing.
 *
 * <p>Follow one message: {@link Engine#process} sets the event, {@code send()} picks the regime (G1), the regime's
 * pricer reads this view and writes the {@link LedgerLine}, and the engine hands the line to its sink.
 */
interface PricedEvent {
    Message message();

    /** The evaluation instant (epoch ms): the send instant under NBP (G3, A4), else the charge instant. */
    long instant();

    /** The account-local day of {@link #instant()}. */
    LocalDate day();

    /** The pair's windows and conversations (G6). */
    PairState pair();

    /** The account's number, for per-account counters (B2, C5, E3). */
    int accountIndex();

    /** The market's number, for per-market counters (A3, D6). */
    int marketId();

    /** The market's name on its card (G5). */
    String market();
}
