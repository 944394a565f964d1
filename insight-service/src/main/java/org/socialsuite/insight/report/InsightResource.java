package org.socialsuite.insight.report;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.socialsuite.insight.report.Figures.AgentFigures;
import org.socialsuite.insight.report.Figures.Agents;
import org.socialsuite.insight.report.Figures.Daily;
import org.socialsuite.insight.report.Figures.Summary;
import org.socialsuite.support.api.AgentIdentity;

/**
 * The brand's outcomes for the workspace's Insights page, over whole days in the reader's time
 * zone. Every agent sees the brand's figures and their own; a supervisor (an administrator) sees
 * every agent's.
 */
@Path("/api/insights")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("agent")
@SecurityRequirement(name = "jwt")
@Tag(name = "Insights")
public class InsightResource {

    private final InsightQueries queries;
    private final JsonWebToken token;
    private final Clock clock;

    public InsightResource(InsightQueries queries, JsonWebToken token, Clock clock) {
        this.queries = queries;
        this.token = token;
        this.clock = clock;
    }

    @GET
    @Path("/summary")
    @Operation(
            summary = "Response times, moves to private, public resolution and reply outcomes",
            description =
                    "Response times by channel and visibility (median and 90th percentile, from"
                        + " each consumer message that no answer was owed for to the brand's next"
                        + " reply that did not fail); of the conversations that began in public,"
                        + " how many moved to private and how fast, and how many were closed before"
                        + " anything in them was private; agents' replies by delivery outcome with"
                        + " the networks' most frequent failure reasons.")
    public Uni<Summary> summary(
            @QueryParam("from")
                    @Parameter(description = "First day, 2026-11-01; default: 13 days before to")
                    String from,
            @QueryParam("to") @Parameter(description = "Last day, included; default: today")
                    String to,
            @QueryParam("zone") @Parameter(description = "IANA time zone of the days; default UTC")
                    String zone) {
        String brandId = AgentIdentity.of(token).brandId();
        Period period = Period.of(from, to, zone, clock);
        return Uni.combine()
                .all()
                .unis(
                        queries.responseTimes(brandId, period),
                        queries.publicConversations(brandId, period),
                        queries.replyOutcomes(brandId, period))
                .asTuple()
                .map(
                        figures ->
                                new Summary(
                                        period,
                                        figures.getItem1(),
                                        figures.getItem2(),
                                        figures.getItem3()));
    }

    @GET
    @Path("/daily")
    @Operation(
            summary = "The same figures day by day",
            description = "Every day of the period, quiet days as zeros, for the page's charts.")
    public Uni<Daily> daily(
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("zone") String zone) {
        String brandId = AgentIdentity.of(token).brandId();
        Period period = Period.of(from, to, zone, clock);
        return queries.days(brandId, period).map(days -> new Daily(period, days));
    }

    @GET
    @Path("/agents")
    @Operation(
            summary = "Per agent: replies by outcome and the waits their replies ended",
            description =
                    "A supervisor (administrator) sees every agent; an agent sees their own row.")
    public Uni<Agents> agents(
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("zone") String zone) {
        AgentIdentity agent = AgentIdentity.of(token);
        Period period = Period.of(from, to, zone, clock);
        boolean everyone = token.getGroups().contains("admin");
        return queries.agents(agent.brandId(), period)
                .map(rows -> new Agents(period, everyone, everyone ? rows : own(rows, agent)));
    }

    private static List<AgentFigures> own(List<AgentFigures> rows, AgentIdentity agent) {
        return rows.stream().filter(row -> row.agentId().equals(agent.agentId())).toList();
    }
}
