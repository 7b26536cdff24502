package io.wabill.data.traffic;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;

/**
 * The traffic of one market: who the customers are (numbers made from {@code numberPrefix}), how many, when
 * they are active in their local time ({@code hourly}, {@code weekly}), and what each process sends. The
 * meaning and default of every field is in {@link TrafficParameters}.
 *
 * @param hourly relative weight of each local hour 0..23 (any scale, not all zero)
 * @param weekly factor of each day Monday..Sunday; rates are per average day, so the factors' mean is 1
 */
public record MarketTraffic(String market, String numberPrefix, int numberLength, ZoneId zone, long customers,
                            double[] hourly, double[] weekly, Sessions sessions, Marketing marketing, Utility utility,
                            Authentication authentication, Delivery delivery) {

    /** Customer-initiated sessions: inbound messages or calls, each answered by free-form replies inside the window. */
    public record Sessions(double perCustomerDay, double ctwaShare, double callShare, double messagesMean,
                           double gapSeconds, double repliesPerMessage, double replyDelaySeconds,
                           double reactionProbability, double agentShare, long agentTokensMean) {}

    /** How customers answer a template of one category: the share that replies, and a log-normal delay. */
    public record CustomerReply(double probability, double medianMinutes, double sigma) {}

    /** Campaign bursts: on {@code days}, campaigns start at {@code sendHour} and reach a share of the customers. */
    public record Marketing(double campaignsPerWeek, Set<DayOfWeek> days, int sendHour, double burstMinutes,
                            double audienceShare, CustomerReply reply, String template) {
        public Marketing {
            days = days.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(days));
        }
    }

    /** Events (orders, bookings) each followed by a few utility templates spaced over hours. */
    public record Utility(double eventsPerCustomerDay, double messagesPerEvent, double spacingHours,
                          CustomerReply reply, String template) {}

    /** One-time-password requests: a code, and retries when it does not arrive or is not used in time. */
    public record Authentication(double requestsPerCustomerDay, double retryProbability, double retryDelaySeconds,
                                 int maxRetries, CustomerReply reply, String template) {}

    /** What happens to every outbound message: failure, the delay until delivered, and whether it is read. */
    public record Delivery(double failureRate, double meanDelaySeconds, double readShare) {}

    /** Expected rows a day at scale 1 (a rough figure for progress bars and sizing). */
    public double expectedRowsPerDay() {
        double perSession = sessions.messagesMean() * (1 + sessions.repliesPerMessage() + sessions.reactionProbability());
        double sessionsPerDay = customers * sessions.perCustomerDay();
        double marketingPerDay = customers * marketing.audienceShare() * marketing.campaignsPerWeek() / 7.0;
        double utilityPerDay = customers * utility.eventsPerCustomerDay() * utility.messagesPerEvent();
        double authPerDay = customers * authentication.requestsPerCustomerDay() * (1 + authentication.retryProbability());
        double replies = marketingPerDay * marketing.reply().probability() + utilityPerDay * utility.reply().probability()
                + authPerDay * authentication.reply().probability();
        return sessionsPerDay * perSession + marketingPerDay + utilityPerDay + authPerDay + replies * perSession;
    }
}
