package io.wabill.data.traffic;

import io.wabill.data.log.LogSource;
import io.wabill.data.log.RowErrorHandler;
import io.wabill.data.log.UnsortedLogException;
import io.wabill.sim.events.LogRow;
import io.wabill.sim.events.MessageAssembler;
import io.wabill.sim.market.MarketResolver;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import io.wabill.sim.events.Message;

/**
 * Fits a traffic model to log files: rows are streamed once (a log sorted by time; an unsorted one is sorted
 * in memory up to a bound, as {@code simulate} does), merged into messages by the same assembler the engine
 * uses, in send order, and counted by a {@link TrafficFitter}.
 */
public final class TrafficFitting {
    /** What a fit produced: the model, the rows read, and the span of the log. */
    public record Result(TrafficModel model, long rowsRead, long messages, java.time.LocalDate firstDay,
                         java.time.LocalDate lastDay, boolean sortedInMemory, List<DailyTallies> tallies) {}

    private TrafficFitting() {}

    /**
     * @param statusHorizon how long after sending a message's status rows may come; a message seen only as sent
     *                      or failed is known to be undelivered only then, so the fit holds that much traffic
     */
    public static Result fit(List<Path> logs, ZoneId zone, Map<String, ZoneId> marketZones, MarketResolver resolver,
                             RowErrorHandler errors, Duration statusHorizon, long maxUnsortedRows) throws IOException {
        return fit(logs, zone, marketZones, resolver, errors, statusHorizon, maxUnsortedRows, Long.MAX_VALUE);
    }

    /**
     * As above, counting only messages sent before {@code beforeMillis} (a backtest fits on the months before its
     * holdout); later rows are still read, so status rows of earlier messages merge as in the whole log.
     */
    public static Result fit(List<Path> logs, ZoneId zone, Map<String, ZoneId> marketZones, MarketResolver resolver,
                             RowErrorHandler errors, Duration statusHorizon, long maxUnsortedRows, long beforeMillis) throws IOException {
        TrafficFitter fitter = new TrafficFitter(zone, marketZones, resolver);
        InSendOrder order = new InSendOrder(fitter, statusHorizon.toMillis(), beforeMillis);
        MessageAssembler assembler = assembler(order, statusHorizon, errors);
        LogSource source = new LogSource(logs, errors);
        boolean inMemory = false;
        try {
            MessageAssembler a = assembler;
            InSendOrder o = order;
            source.scan(row -> {
                if (!fits(row, errors)) return;
                a.accept(row);
                o.advance(row.timestamp());
            });
        } catch (UnsortedLogException e) {
            inMemory = true;
            fitter = new TrafficFitter(zone, marketZones, resolver);
            order = new InSendOrder(fitter, statusHorizon.toMillis(), beforeMillis);
            assembler = assembler(order, statusHorizon, errors);
            for (LogRow row : source.loadSorted(maxUnsortedRows)) {
                if (!fits(row, errors)) continue;
                assembler.accept(row);
                order.advance(row.timestamp());
            }
        }
        assembler.finish();
        order.finish();
        if (fitter.messages() == 0) {
            throw new io.wabill.data.log.LogFormatException(new io.wabill.data.log.RowError(logs.get(0).toString(), 0, "", "",
                    "the log has no usable rows to fit a traffic model to"));
        }
        TrafficModel model = fitter.result();
        return new Result(model, source.rowsRead(), fitter.messages(), fitter.firstDay(), fitter.lastDay(), inMemory, fitter.tallies());
    }

    /** The most tokens of an agent message the model generates from a fit ({@code sessions.agent_tokens_mean}). */
    static final long MAX_AGENT_TOKENS = (long) TrafficParameters.get("sessions.agent_tokens_mean").max();

    /**
     * False, after reporting the row, when a row holds a value the traffic model cannot: an agent message of more
     * tokens than a model's mean may be. Such a row would make a mean the generator cannot draw from (and a saved
     * model no reader accepts), so it is a bad row of the fitted log, skippable like any other.
     */
    private static boolean fits(io.wabill.sim.events.LogRowFields row, RowErrorHandler errors) {
        if (row.kind() != io.wabill.sim.domain.MessageKind.AGENT || row.tokens() <= MAX_AGENT_TOKENS) return true;
        errors.badRow(new io.wabill.data.log.RowError(row.file(), row.line(), "tokens", Long.toString(row.tokens()),
                "a traffic model holds agent messages of at most " + String.format("%,d", MAX_AGENT_TOKENS)
                        + " tokens (sessions.agent_tokens_mean), so this row cannot be fitted"));
        return false;
    }

    private static MessageAssembler assembler(InSendOrder order, Duration horizon, RowErrorHandler errors) {
        return new MessageAssembler(m -> m.sendAt(), horizon.toMillis(), new MessageAssembler.Listener() {
            @Override public void message(Message message) { order.add(message); }

            @Override public void rejectedRow(LogRow row, String column, String reason) {
                errors.badRow(new io.wabill.data.log.RowError(row.file(), row.line(), column, "", reason));
            }
        });
    }

    /**
     * The assembler releases a message seen only as sent or failed once the status horizon has passed, later
     * than the messages sent after it; the fitter needs send order, so messages wait here until no earlier one
     * can come (the rows have passed their send instant plus the horizon).
     */
    private static final class InSendOrder {
        private final TrafficFitter fitter;
        private final long horizon;
        private final long before;
        private final PriorityQueue<Message> waiting = new PriorityQueue<>(
                Comparator.comparingLong(Message::sendAt).thenComparingLong(Message::sequence));

        InSendOrder(TrafficFitter fitter, long horizon, long before) {
            this.fitter = fitter;
            this.horizon = horizon;
            this.before = before;
        }

        void add(Message m) {
            if (m.sendAt() < before) waiting.add(m);
        }

        void advance(long rowWatermark) {
            while (!waiting.isEmpty() && waiting.peek().sendAt() + horizon < rowWatermark) fitter.accept(waiting.poll());
        }

        void finish() {
            while (!waiting.isEmpty()) fitter.accept(waiting.poll());
        }
    }
}
