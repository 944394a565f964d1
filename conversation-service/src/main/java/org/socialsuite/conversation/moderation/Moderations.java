package org.socialsuite.conversation.moderation;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The moderations the transcript shows: the latest of each message. */
@ApplicationScoped
public class Moderations {

    public Uni<Map<UUID, ModerationView>> latestOf(List<UUID> messageIds) {
        if (messageIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Moderation.<Moderation>list("messageId in ?1 order by requestedAt", messageIds)
                .map(
                        all -> {
                            // In time order, so each message ends with its latest.
                            Map<UUID, ModerationView> latest = new HashMap<>();
                            all.forEach(m -> latest.put(m.messageId, ModerationView.of(m)));
                            return latest;
                        });
    }
}
