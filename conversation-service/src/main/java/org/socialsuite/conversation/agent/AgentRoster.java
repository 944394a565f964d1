package org.socialsuite.conversation.agent;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The brand's agents as this service has seen them: identities live with the identity provider, so
 * an agent becomes assignable once they have used the workspace. Each replica writes an agent's
 * visit at most once a minute.
 */
@ApplicationScoped
public class AgentRoster {

    private static final Duration WRITE_EVERY = Duration.ofMinutes(1);

    /** Seen this recently: at work now. */
    private static final Duration ACTIVE_WITHIN = Duration.ofMinutes(5);

    /**
     * @param active whether the agent used the workspace in the last five minutes
     * @param openAssigned how many open conversations the agent owns
     */
    public record Agent(
            String id, String name, Instant lastSeenAt, boolean active, long openAssigned) {}

    private final Pool database;
    private final Clock clock;
    private final Map<String, Instant> written = new ConcurrentHashMap<>();

    public AgentRoster(Pool database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    public Uni<Void> seen(String brandId, String agentId, String name) {
        Instant now = clock.instant();
        String key = brandId + "|" + agentId;
        Instant last = written.get(key);
        if (last != null && now.isBefore(last.plus(WRITE_EVERY))) {
            return Uni.createFrom().voidItem();
        }
        return database.preparedQuery(
                        "INSERT INTO agent (brand_id, agent_id, name, last_seen_at)"
                                + " VALUES ($1, $2, $3, $4) ON CONFLICT (brand_id, agent_id)"
                                + " DO UPDATE SET name = EXCLUDED.name,"
                                + " last_seen_at = GREATEST(agent.last_seen_at,"
                                + " EXCLUDED.last_seen_at)")
                .execute(Tuple.of(brandId, agentId, name, now.atOffset(ZoneOffset.UTC)))
                .invoke(() -> written.put(key, now))
                .replaceWithVoid();
    }

    public Uni<Boolean> knows(String brandId, String agentId) {
        return database.preparedQuery("SELECT 1 FROM agent WHERE brand_id = $1 AND agent_id = $2")
                .execute(Tuple.of(brandId, agentId))
                .map(rows -> rows.size() > 0);
    }

    /** The brand's agents by name, each with the open conversations they own. */
    public Uni<List<Agent>> of(String brandId) {
        Instant activeSince = clock.instant().minus(ACTIVE_WITHIN);
        return database.preparedQuery(
                        "SELECT a.agent_id, a.name, a.last_seen_at, (SELECT count(*) FROM"
                                + " conversation c WHERE c.brand_id = a.brand_id AND c.status ="
                                + " 'OPEN' AND c.assignee_id = a.agent_id) AS open_assigned"
                                + " FROM agent a WHERE a.brand_id = $1 ORDER BY a.name,"
                                + " a.agent_id")
                .execute(Tuple.of(brandId))
                .map(
                        rows -> {
                            List<Agent> agents = new ArrayList<>();
                            for (Row row : rows) {
                                OffsetDateTime seen = row.getOffsetDateTime("last_seen_at");
                                agents.add(
                                        new Agent(
                                                row.getString("agent_id"),
                                                row.getString("name"),
                                                seen.toInstant(),
                                                seen.toInstant().isAfter(activeSince),
                                                row.getLong("open_assigned")));
                            }
                            return agents;
                        });
    }
}
