package io.wabill.data.traffic;

import io.wabill.sim.domain.DeliveryStatus;
import io.wabill.sim.domain.MessageKind;
import io.wabill.sim.events.Message;
import io.wabill.sim.market.CountryResolver;
import io.wabill.sim.market.MarketAssignment;
import io.wabill.sim.market.MarketResolver;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Estimates a {@link TrafficModel} from a log in one pass over its messages (status rows already merged, in
 * send order), per market and category. What it counts, and how each parameter follows:
 *
 * <ul>
 *   <li>A customer's inbound message starts a session unless the pair had session activity in the last
 *   {@link #SESSION_BREAK} seconds; a session start within 24 h after a delivered template, before any other
 *   inbound message, is a reply to it (see {@link ReplyFit} for how chance sessions are subtracted).</li>
 *   <li>Sessions not started by a reply give the session rate, the click-to-WhatsApp share and, with utility
 *   events and OTP requests, the hourly and weekly profile (in the time zone given).</li>
 *   <li>Utility templates to a pair less than 48 h apart are one event; authentication templates less than
 *   10 minutes apart are retries of one request; marketing sends of a market less than 30 minutes apart are
 *   one campaign.</li>
 *   <li>Rates are per customer and per average day: counts divided by the distinct customers seen times the
 *   days of the log weighted by the weekly profile. Customers who never appear are not counted, so a short
 *   log of quiet customers understates {@code customers} and overstates the rates by the same factor:
 *   volumes stay right.</li>
 * </ul>
 *
 * Memory: one small state per (business, customer) pair and per market, not per message.
 */
public final class TrafficFitter {
    static final long SESSION_BREAK = 2 * 3600;
    static final long UTILITY_EVENT_GAP = 48 * 3600;
    static final long RETRY_GAP = 600;
    static final long CAMPAIGN_GAP = 1800;

    private final ZoneId zone;
    private final Map<String, ZoneId> marketZones;
    private final MarketResolver resolver;
    private final Map<String, MarketFit> markets = new LinkedHashMap<>();
    private final Map<String, PairFit> pairs = new HashMap<>();
    private final Map<String, Long> businesses = new HashMap<>();
    private final Map<String, Long> accounts = new HashMap<>();
    private long firstSecond = Long.MAX_VALUE, lastSecond = Long.MIN_VALUE;
    private long messages;

    /**
     * @param zone        the time zone the seasonality is read in (the customers' local time, or the account's)
     * @param marketZones time zones of single markets whose customers live elsewhere (market name to zone)
     */
    public TrafficFitter(ZoneId zone, Map<String, ZoneId> marketZones, MarketResolver resolver) {
        this.zone = zone;
        this.marketZones = Map.copyOf(marketZones);
        this.resolver = resolver;
    }

    public long messages() { return messages; }

    /** Takes the next message; messages must come in send order. */
    public void accept(Message m) {
        messages++;
        long t = Math.floorDiv(m.sendAt(), 1000);
        if (t < firstSecond) firstSecond = t;
        if (t > lastSecond) lastSecond = t;
        businesses.merge(m.business().startsWith("+") ? m.business().substring(1) : m.business(), 1L, Long::sum);
        accounts.merge(m.account(), 1L, Long::sum);
        String pairKey = m.business() + '\u0000' + m.customer();
        PairFit p = pairs.get(pairKey);
        if (p == null) {
            p = new PairFit(market(m.customer(), t));
            pairs.put(pairKey, p);
            p.market.customer(m.customer());
        }
        MarketFit f = p.market;
        if (t < f.firstSecond) f.firstSecond = t;
        if (t > f.lastSecond) f.lastSecond = t;
        if (m.isInbound()) inbound(f, p, m, t);
        else outbound(f, p, m, t);
    }

    private MarketFit market(String customer, long t) {
        String country = resolver.countryOf(customer);
        LocalDate day = Instant.ofEpochSecond(t).atZone(zone).toLocalDate();
        String name = resolver.marketOf(country, day);
        return markets.computeIfAbsent(name, MarketFit::new);
    }

    private void inbound(MarketFit f, PairFit p, Message m, long t) {
        f.inbound++;
        f.tally(t, DailyTallies.Tally.INBOUND);
        if (m.kind() == MessageKind.CALL) f.calls++;
        boolean continues = p.sessionActive && t - p.lastSessionEvent < SESSION_BREAK;
        if (continues) {
            f.gapSum += t - p.lastSessionEvent;
            f.gaps++;
            f.gapMedian.add(t - p.lastSessionEvent);
        } else {
            f.sessions++;
            f.tally(t, DailyTallies.Tally.SESSIONS);
            if (p.pendingCategory >= 0 && t - p.pendingDelivered < ReplyFit.WINDOW) {
                f.replies[p.pendingCategory].reply(Math.max(0, t - p.pendingDelivered));
                f.tally(t, MarketFit.REPLY_TALLY[p.pendingCategory]);
            } else {
                f.ownSessions++;
                f.tally(t, DailyTallies.Tally.OWN_SESSIONS);
                if (m.entryPoint().isFree()) {
                    f.ctwa++;
                    f.tally(t, DailyTallies.Tally.CTWA);
                }
                f.start(t, f.offset(t));
            }
        }
        closePending(f, p, t);
        p.sessionActive = true;
        p.lastSessionEvent = t;
    }

    private void outbound(MarketFit f, PairFit p, Message m, long t) {
        f.outbound++;
        f.tally(t, DailyTallies.Tally.OUTBOUND);
        boolean delivered = m.isDelivered();
        if (!delivered) {
            f.failed++;
            f.tally(t, DailyTallies.Tally.FAILED);
        } else {
            f.delaySum += Math.max(0, Math.floorDiv(m.deliveredAt(), 1000) - t);
            f.delivered++;
            if (m.status() == DeliveryStatus.READ) f.read++;
        }
        switch (m.kind()) {
            case TEMPLATE -> template(f, p, m, t, delivered);
            case FREE_FORM, AGENT -> {
                if (p.sessionActive && t - p.lastSessionEvent < SESSION_BREAK) {
                    f.businessReplies++;
                    f.tally(t, DailyTallies.Tally.BUSINESS_REPLIES);
                    f.replyDelaySum += t - p.lastSessionEvent;
                    p.lastSessionEvent = t;
                }
                if (m.kind() == MessageKind.AGENT) {
                    f.agent++;
                    f.agentTokens += Math.max(0, m.tokens());
                }
            }
            case REACTION -> f.reactions++;
            default -> { }
        }
    }

    private void template(MarketFit f, PairFit p, Message m, long t, boolean delivered) {
        int c = switch (m.category()) {
            case MARKETING, MARKETING_LITE -> MarketFit.MARKETING;
            case UTILITY -> MarketFit.UTILITY;
            case AUTHENTICATION -> MarketFit.AUTHENTICATION;
            case UNKNOWN -> -1;
        };
        if (c < 0) return; // a template of unrecorded category (FORMATS.md section 1) tells no category's traffic
        if (m.template() != null) f.templates.get(c).merge(m.template(), 1L, Long::sum);
        long off = f.offset(t);
        if (c == MarketFit.MARKETING) {
            f.marketing(t, off);
        } else if (c == MarketFit.UTILITY) {
            f.utilityTemplates++;
            f.tally(t, DailyTallies.Tally.UTILITY_TEMPLATES);
            if (p.lastUtility == Long.MIN_VALUE || t - p.lastUtility >= UTILITY_EVENT_GAP) {
                f.utilityEvents++;
                f.tally(t, DailyTallies.Tally.UTILITY_EVENTS);
                f.start(t, off);
            } else {
                f.spacingSum += t - p.lastUtility;
                f.spacings++;
                f.spacingMedian.add(t - p.lastUtility);
            }
            p.lastUtility = t;
        } else {
            if (p.lastAuth != Long.MIN_VALUE && t - p.lastAuth < RETRY_GAP) {
                p.authDepth++;
                f.retryDelaySum += t - p.lastAuth;
                f.tally(t, DailyTallies.Tally.AUTH_RETRIES);
            } else {
                p.authDepth = 0;
                f.authRequests++;
                f.tally(t, DailyTallies.Tally.AUTH_REQUESTS);
                f.start(t, off);
            }
            f.authAttempts[Math.min(p.authDepth, f.authAttempts.length - 1)]++;
            p.lastAuth = t;
        }
        if (delivered) {
            long d = Math.max(t, Math.floorDiv(m.deliveredAt(), 1000));
            closePending(f, p, d);
            f.replies[c].delivered++;
            f.tally(t, MarketFit.DELIVERED_TALLY[c]);
            p.pendingCategory = c;
            p.pendingDelivered = d;
            p.pendingOffset = off;
        }
    }

    /** Ends the open reply window of a pair at {@code t}: its open time is where chance sessions could have fallen. */
    private void closePending(MarketFit f, PairFit p, long t) {
        if (p.pendingCategory < 0) return;
        long open = Math.min(ReplyFit.WINDOW, Math.max(0, t - p.pendingDelivered));
        f.replies[p.pendingCategory].open(p.pendingDelivered + p.pendingOffset, open);
        p.pendingCategory = -1;
    }

    /** The fitted model, with {@code defaults} for what the log cannot tell (names, a category never seen). */
    public TrafficModel result() {
        if (messages == 0) throw new IllegalStateException("the log has no messages to fit");
        for (PairFit p : pairs.values()) {
            if (p.pendingCategory >= 0) closePending(p.market, p, Math.min(lastSecond, p.pendingDelivered + ReplyFit.WINDOW));
        }
        List<MarketTraffic> list = new ArrayList<>();
        for (MarketFit f : markets.values()) {
            LocalDate first = Instant.ofEpochSecond(f.firstSecond).atZone(f.zone).toLocalDate();
            LocalDate last = Instant.ofEpochSecond(f.lastSecond).atZone(f.zone).toLocalDate();
            list.add(f.result(first, last));
            f.tallies.cover(first, last);
        }
        List<Map.Entry<String, Long>> byUse = new ArrayList<>(businesses.entrySet());
        byUse.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < Math.min(20, byUse.size()); i++) {
            String b = byUse.get(i).getKey();
            if (b.matches("[0-9]{5,15}")) numbers.add(b);
        }
        if (numbers.isEmpty()) numbers.add(TrafficParameters.DEFAULT_BUSINESS);
        String account = mostCommon(accounts);
        if (account != null && (account.equals(io.wabill.sim.account.Account.DEFAULT_ID) || !account.matches(TrafficModelReader.NAME))) account = null;
        return new TrafficModel(numbers, account, list);
    }

    /**
     * The day-by-day counts of each market, in the order of {@link #result()}'s markets (call after it), from
     * which a forecast draws each run's parameters (see {@link ParameterDraws}).
     */
    public List<DailyTallies> tallies() {
        List<DailyTallies> out = new ArrayList<>();
        for (MarketFit f : markets.values()) {
            for (int h = 0; h < 24; h++) f.tallies.campaignHours()[h] = f.campaignHours[h];
            out.add(f.tallies);
        }
        return out;
    }

    /** First and last local day of the log, in the fit's time zone. */
    public LocalDate firstDay() { return Instant.ofEpochSecond(firstSecond).atZone(zone).toLocalDate(); }

    public LocalDate lastDay() { return Instant.ofEpochSecond(lastSecond).atZone(zone).toLocalDate(); }

    static String mostCommon(Map<String, Long> counts) {
        String best = null;
        long n = -1;
        for (Map.Entry<String, Long> e : new TreeMap<>(counts).entrySet()) {
            if (e.getValue() > n) {
                best = e.getKey();
                n = e.getValue();
            }
        }
        return best;
    }

    private static final class PairFit {
        final MarketFit market;
        boolean sessionActive;
        long lastSessionEvent;
        int pendingCategory = -1;
        long pendingDelivered;
        long pendingOffset;
        long lastUtility = Long.MIN_VALUE;
        long lastAuth = Long.MIN_VALUE;
        int authDepth;

        PairFit(MarketFit market) { this.market = market; }
    }

    /** Counts of one market. */
    private final class MarketFit {
        static final int MARKETING = 0, UTILITY = 1, AUTHENTICATION = 2;
        static final DailyTallies.Tally[] REPLY_TALLY = {DailyTallies.Tally.MARKETING_REPLIES, DailyTallies.Tally.UTILITY_REPLIES,
            DailyTallies.Tally.AUTH_REPLIES};
        static final DailyTallies.Tally[] DELIVERED_TALLY = {DailyTallies.Tally.MARKETING_DELIVERED,
            DailyTallies.Tally.UTILITY_DELIVERED, DailyTallies.Tally.AUTH_DELIVERED};
        /** The same counts day by day (local days of this market), for the per-run parameter draws of a forecast. */
        final DailyTallies tallies = new DailyTallies();
        final String name;
        final Map<String, Long> prefixes = new HashMap<>();
        final Map<Integer, Long> lengths = new HashMap<>();
        final Map<String, Long> scopedCountries = new HashMap<>();
        final Map<String, Long> callingCodes = new HashMap<>();
        final java.util.HashSet<String> customers = new java.util.HashSet<>();
        final long[] startsByHourOfWeek = new long[168];
        final ReplyFit[] replies = {new ReplyFit(), new ReplyFit(), new ReplyFit()};
        final List<Map<String, Long>> templates = List.of(new HashMap<>(), new HashMap<>(), new HashMap<>());
        long inbound, calls, sessions, ownSessions, ctwa, gaps, businessReplies, reactions, agent, agentTokens;
        double gapSum, replyDelaySum;
        long outbound, failed, delivered, read;
        double delaySum;
        long utilityTemplates, utilityEvents, spacings;
        double spacingSum;
        final MedianOfExponential gapMedian = new MedianOfExponential(), spacingMedian = new MedianOfExponential();
        long firstSecond = Long.MAX_VALUE, lastSecond = Long.MIN_VALUE;
        long authRequests;
        final long[] authAttempts = new long[12];
        double retryDelaySum;
        // campaigns
        long campaignFirst = Long.MIN_VALUE, campaignLast, campaignCount, campaignOffset;
        long campaigns;
        double recipientsSum, burstSum;
        long bursts;
        final long[] campaignHours = new long[24];
        final Set<DayOfWeek> campaignDays = EnumSet.noneOf(DayOfWeek.class);

        final ZoneId zone;
        final ZoneRules rules;

        MarketFit(String name) {
            this.name = name;
            this.zone = marketZones.getOrDefault(name, TrafficFitter.this.zone);
            this.rules = zone.getRules();
        }

        long offset(long t) { return rules.getOffset(Instant.ofEpochSecond(t)).getTotalSeconds(); }

        void tally(long t, DailyTallies.Tally tally) { tallies.add(Math.floorDiv(t + offset(t), 86_400L), tally); }

        void customer(String c) {
            if (!customers.add(c)) return;
            if (CountryResolver.isScopedUserId(c)) {
                scopedCountries.merge(c.substring(0, 2).toUpperCase(java.util.Locale.ROOT), 1L, Long::sum);
                return;
            }
            String digits = CountryResolver.digitsOf(c);
            if (digits == null) return;
            lengths.merge(digits.length(), 1L, Long::sum);
            int cc = resolver.countries().callingCodeOf(digits);
            if (cc > 0) callingCodes.merge(Integer.toString(cc), 1L, Long::sum);
            for (int len = 1; len <= Math.min(8, digits.length() - 4); len++) prefixes.merge(digits.substring(0, len), 1L, Long::sum);
        }

        /** A process start (own session, utility event, OTP request) at local hour-of-week, for the profile. */
        void start(long t, long offset) { startsByHourOfWeek[hourOfWeek(t + offset)]++; }

        void marketing(long t, long offset) {
            if (campaignFirst != Long.MIN_VALUE && t - campaignLast >= CAMPAIGN_GAP) closeCampaign();
            if (campaignFirst == Long.MIN_VALUE) {
                campaignFirst = t;
                campaignOffset = offset;
                campaignCount = 0;
            }
            campaignLast = t;
            campaignCount++;
        }

        void closeCampaign() {
            if (campaignFirst == Long.MIN_VALUE) return;
            campaigns++;
            recipientsSum += campaignCount;
            long local = campaignFirst + campaignOffset;
            tallies.add(Math.floorDiv(local, 86_400L), DailyTallies.Tally.CAMPAIGNS);
            tallies.add(Math.floorDiv(local, 86_400L), DailyTallies.Tally.RECIPIENTS, campaignCount);
            campaignHours[(int) Math.floorMod(local, 86_400L) / 3600]++;
            campaignDays.add(LocalDate.ofEpochDay(Math.floorDiv(local, 86_400L)).getDayOfWeek());
            if (campaignCount >= 2) {
                // K sends spread evenly over B span about B (K-1)/(K+1): invert that.
                burstSum += (campaignLast - campaignFirst) / 60.0 * (campaignCount + 1) / (campaignCount - 1);
                bursts++;
            }
            campaignFirst = Long.MIN_VALUE;
        }

        MarketTraffic result(LocalDate first, LocalDate last) {
            closeCampaign();
            MarketTraffic defaults = TrafficModelReader.build(defaultValues(name));
            long n = Math.max(1, customers.size());
            int days = (int) (last.toEpochDay() - first.toEpochDay() + 1);
            int[] daysByWeekday = new int[7];
            for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) daysByWeekday[d.getDayOfWeek().getValue() - 1]++;
            long starts = 0;
            for (long c : startsByHourOfWeek) starts += c;
            double[] openByHour = new double[168];
            for (ReplyFit r : replies) for (double[] bin : r.open) for (int how = 0; how < 168; how++) openByHour[how] += bin[how];
            double[] adjusted = new double[168];
            for (int how = 0; how < 168; how++) adjusted[how] = startsByHourOfWeek[how];
            double[] hourly = defaults.hourly(), weekly = defaults.weekly();
            double exposure = 0, sessionRate = 0;
            // Own sessions inside open reply windows were read as replies, so the hours after campaigns look
            // quieter than they are: add back the expected number, and refit the profile until it settles.
            for (int round = 0; round < 6; round++) {
                if (starts > 0) {
                    hourly = hourlyProfile(adjusted);
                    weekly = weeklyProfile(adjusted, daysByWeekday);
                }
                double weightedDays = 0;
                for (int k = 0; k < 7; k++) weightedDays += daysByWeekday[k] * weekly[k];
                exposure = n * weightedDays;
                double z = 0;
                for (ReplyFit r : replies) z += r.weightedOpenDays(weekly, hourly);
                sessionRate = ownSessions / Math.max(1e-9, exposure - z);
                for (int how = 0; how < 168; how++)
                    adjusted[how] = startsByHourOfWeek[how] + sessionRate * openByHour[how] / 86_400.0 * weekly[how / 24] * hourly[how % 24];
            }
            MarketTraffic.Sessions s = new MarketTraffic.Sessions(sessionRate,
                    ownSessions == 0 ? defaults.sessions().ctwaShare() : (double) ctwa / ownSessions,
                    inbound == 0 ? defaults.sessions().callShare() : (double) calls / inbound,
                    sessions == 0 ? defaults.sessions().messagesMean() : Math.max(1, (double) inbound / sessions),
                    gapMedian.mean(defaults.sessions().gapSeconds()),
                    inbound == 0 ? defaults.sessions().repliesPerMessage() : (double) businessReplies / inbound,
                    businessReplies == 0 ? defaults.sessions().replyDelaySeconds() : replyDelaySum / businessReplies,
                    inbound == 0 ? defaults.sessions().reactionProbability() : Math.min(1, (double) reactions / inbound),
                    businessReplies == 0 ? 0 : Math.min(1, (double) agent / businessReplies),
                    agent == 0 ? defaults.sessions().agentTokensMean() : Math.round((double) agentTokens / agent));
            int sendHour = defaults.marketing().sendHour();
            long best = 0;
            for (int h = 0; h < 24; h++) if (campaignHours[h] > best) { best = campaignHours[h]; sendHour = h; }
            MarketTraffic.Marketing k = new MarketTraffic.Marketing(campaigns * 7.0 / days,
                    campaigns == 0 ? defaults.marketing().days() : campaignDays, sendHour,
                    bursts == 0 ? defaults.marketing().burstMinutes() : Math.max(1, burstSum / bursts),
                    campaigns == 0 ? 0 : Math.min(1, recipientsSum / campaigns / n),
                    replies[MARKETING].result(sessionRate, weekly, hourly, defaults.marketing().reply()),
                    template(MARKETING, defaults.marketing().template()));
            // An event that starts within 48 h of the customer's previous utility template is counted with it:
            // at rate r a day that hides a share 1 - exp(-2r) of the events; solve r = observed / exp(-2r).
            double observedEvents = utilityEvents / exposure, eventRate = observedEvents;
            for (int i = 0; i < 20; i++) eventRate = observedEvents / Math.exp(-2 * eventRate * UTILITY_EVENT_GAP / 172_800.0);
            // An event sends at least one template, so more events than templates would invent traffic: where the
            // events the correction adds cannot be spread over the templates seen (single-template events that
            // rarely fall within 48 h of each other), it stops at one event per template and the volume stays right.
            eventRate = Math.min(eventRate, utilityTemplates / exposure);
            double events = eventRate * exposure;
            MarketTraffic.Utility u = new MarketTraffic.Utility(eventRate,
                    utilityEvents == 0 ? defaults.utility().messagesPerEvent() : Math.max(1, utilityTemplates / events),
                    spacingMedian.mean(defaults.utility().spacingHours() * 3600) / 3600,
                    replies[UTILITY].result(sessionRate, weekly, hourly, defaults.utility().reply()),
                    template(UTILITY, defaults.utility().template()));
            int maxDepth = 0;
            long retries = 0;
            for (int d = 1; d < authAttempts.length; d++) if (authAttempts[d] > 0) { maxDepth = d; retries += authAttempts[d]; }
            long eligible = 0;
            for (int d = 0; d < maxDepth; d++) eligible += authAttempts[d];
            MarketTraffic.Authentication a = new MarketTraffic.Authentication(authRequests / exposure,
                    eligible == 0 ? 0 : (double) retries / eligible,
                    retries == 0 ? defaults.authentication().retryDelaySeconds() : Math.max(1, retryDelaySum / retries),
                    retries == 0 ? defaults.authentication().maxRetries() : maxDepth,
                    replies[AUTHENTICATION].result(sessionRate, weekly, hourly, defaults.authentication().reply()),
                    template(AUTHENTICATION, defaults.authentication().template()));
            MarketTraffic.Delivery d = new MarketTraffic.Delivery(outbound == 0 ? defaults.delivery().failureRate() : (double) failed / outbound,
                    delivered == 0 ? defaults.delivery().meanDelaySeconds() : delaySum / delivered,
                    delivered == 0 ? defaults.delivery().readShare() : (double) read / delivered);
            String[] prefix = prefix();
            return new MarketTraffic(name, prefix[0], Integer.parseInt(prefix[1]), zone, n, hourly, weekly, s, k, u, a, d);
        }

        private double[] hourlyProfile(double[] byHourOfWeek) {
            double[] hourly = new double[24];
            double sum = 0;
            for (int how = 0; how < 168; how++) {
                hourly[how % 24] += byHourOfWeek[how];
                sum += byHourOfWeek[how];
            }
            for (int h = 0; h < 24; h++) hourly[h] = hourly[h] * 24 / sum;
            return hourly;
        }

        /** Starts per day of each weekday, scaled to mean 1; a weekday the log does not cover gets 1. */
        private double[] weeklyProfile(double[] byHourOfWeek, int[] daysByWeekday) {
            double[] rate = new double[7];
            for (int how = 0; how < 168; how++) rate[how / 24] += byHourOfWeek[how];
            double seen = 0;
            int observed = 0;
            for (int k = 0; k < 7; k++) {
                if (daysByWeekday[k] == 0) continue;
                rate[k] /= daysByWeekday[k];
                seen += rate[k];
                observed++;
            }
            double mean = seen / observed;
            double[] weekly = new double[7];
            for (int k = 0; k < 7; k++) weekly[k] = daysByWeekday[k] == 0 || mean == 0 ? 1 : rate[k] / mean;
            return TrafficModelReader.normalizedWeek(weekly);
        }

        private String template(int c, String fallback) {
            String t = mostCommon(templates.get(c));
            return t == null || !t.matches(TrafficModelReader.NAME) ? fallback : t;
        }

        /**
         * The digits every number starts with: the most common calling code, extended a digit at a time while one next
         * digit covers 90 % of the numbers; and the most common length.
         */
        private String[] prefix() {
            Integer length = null;
            long best = -1;
            for (Map.Entry<Integer, Long> e : new TreeMap<>(lengths).entrySet()) if (e.getValue() > best) { best = e.getValue(); length = e.getKey(); }
            if (length == null) {
                String country = mostCommon(scopedCountries);
                String cc = null;
                for (MarketAssignment a : resolver.map().rows()) if (a.iso2().equals(country) && a.callingCode() != null) cc = a.callingCode().replace("+", "");
                if (cc == null) cc = "1";
                return new String[] {cc, Integer.toString(Math.min(15, cc.length() + 10))};
            }
            long total = 0;
            for (Map.Entry<Integer, Long> e : lengths.entrySet()) total += e.getValue();
            String prefix = mostCommon(callingCodes);
            if (prefix == null) prefix = "";
            for (int len = prefix.length() + 1; len <= Math.min(8, length - 7); len++) {
                String bestNext = mostCommonNext(prefix);
                if (bestNext == null || (prefixes.get(bestNext) < 0.9 * total && !prefix.isEmpty())) break;
                prefix = bestNext;
            }
            // Numbers made from the prefix must land in this market: a market that holds a few odd numbers of
            // a shared code (Jersey's +44 7797 in Other) needs the digits those numbers really share.
            LocalDate day = Instant.ofEpochSecond(lastSecond).atZone(zone).toLocalDate();
            while (prefix.length() < Math.min(8, length - 4)
                    && TrafficModelChecks.firstWrongNumber(name, prefix, length, resolver, day) != null) {
                String bestNext = mostCommonNext(prefix);
                if (bestNext == null) break;
                prefix = bestNext;
            }
            return new String[] {prefix, Integer.toString(length)};
        }

        /** The prefix one digit longer that most customers share, or null when none extends it. */
        private String mostCommonNext(String prefix) {
            String best = null;
            long count = 0;
            for (char c = '0'; c <= '9'; c++) {
                long k = prefixes.getOrDefault(prefix + c, 0L);
                if (k > count) {
                    count = k;
                    best = prefix + c;
                }
            }
            return best;
        }
    }

    private static Map<String, Object> defaultValues(String market) {
        Map<String, Object> v = new LinkedHashMap<>();
        for (TrafficParameters.Param p : TrafficParameters.all()) v.put(p.key(), p.defaultValue());
        v.put("market", market);
        v.put("number_prefix", "1");
        v.put("number_length", 11L);
        v.put("time_zone", "UTC");
        return v;
    }

    static int hourOfWeek(long localSecond) {
        long day = Math.floorDiv(localSecond, 86_400L);
        int dow = (int) Math.floorMod(day + 3, 7L); // 1970-01-01 was a Thursday: Monday = 0
        return dow * 24 + (int) (Math.floorMod(localSecond, 86_400L) / 3600);
    }
}
