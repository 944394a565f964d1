package org.socialsuite.insight.report;

import java.time.LocalDate;
import java.util.List;

/** What the Insights endpoints answer: figures over a {@link Period}, durations in seconds. */
public final class Figures {

    private Figures() {}

    /**
     * How fast the brand answers, for the consumer's messages of one channel and visibility.
     *
     * @param waits each time the consumer wrote while no answer was owed (the first message, or the
     *     first after the brand's last reply)
     * @param answered those the brand has replied to (a reply that failed is no answer)
     */
    public record ResponseTimes(
            String channel,
            String visibility,
            long waits,
            long answered,
            Double medianSeconds,
            Double p90Seconds) {}

    /**
     * The conversations of one channel that began with a public message.
     *
     * @param movedToPrivate those where a private message followed (a reply, a Private Response, or
     *     the consumer's direct message)
     * @param resolvedInPublic closed before anything in them was private
     */
    public record PublicConversations(
            String channel,
            long conversations,
            long movedToPrivate,
            Double movedShare,
            Double medianSecondsToPrivate,
            long closed,
            long resolvedInPublic,
            Double publicResolutionRate) {

        static PublicConversations of(
                String channel,
                long conversations,
                long movedToPrivate,
                Double medianSecondsToPrivate,
                long closed,
                long resolvedInPublic) {
            return new PublicConversations(
                    channel,
                    conversations,
                    movedToPrivate,
                    share(movedToPrivate, conversations),
                    medianSecondsToPrivate,
                    closed,
                    resolvedInPublic,
                    share(resolvedInPublic, closed));
        }
    }

    /** Agents' replies from the workspace by their delivery's outcome; PENDING still under way. */
    public record ReplyOutcomes(
            long sent,
            long failed,
            long unknown,
            long pending,
            List<FailureReason> failureReasons) {}

    /** A reason the networks gave for refusing replies, with how many it refused. */
    public record FailureReason(String reason, long replies) {}

    public record Summary(
            Period period,
            List<ResponseTimes> responses,
            List<PublicConversations> publicConversations,
            ReplyOutcomes replies) {}

    /** One day in the reader's time zone; every day of the period is there, quiet ones as zeros. */
    public record Day(
            LocalDate day,
            long waits,
            long answered,
            Double medianResponseSeconds,
            long publicConversations,
            long movedToPrivate,
            long sent,
            long failed,
            long unknown) {}

    public record Daily(Period period, List<Day> days) {}

    /** One agent's replies and the waits their reply ended. */
    public record AgentFigures(
            String agentId,
            long replies,
            long sent,
            long failed,
            long unknown,
            long answered,
            Double medianResponseSeconds) {}

    /**
     * @param everyone false when the reader is an agent, who sees their own figures only; a
     *     supervisor (an administrator) sees every agent's
     */
    public record Agents(Period period, boolean everyone, List<AgentFigures> agents) {}

    static Double share(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }
}
