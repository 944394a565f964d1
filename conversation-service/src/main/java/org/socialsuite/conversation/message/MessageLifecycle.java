package org.socialsuite.conversation.message;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.socialsuite.events.SocialEventReceived;

/** Mirrors on a stored message what happened to it on the network. */
@ApplicationScoped
public class MessageLifecycle {

    /**
     * An edit replaces the text and keeps the previous version; a removal marks the message deleted
     * (the API then hides its text); hide and unhide flip the moderation flag.
     */
    public Uni<String> apply(Message message, SocialEventReceived event, Instant now) {
        return switch (event.action()) {
            case EDITED -> {
                MessageVersion previous = new MessageVersion();
                previous.messageId = message.id;
                previous.replacedAt = now;
                previous.text = message.text;
                message.text = event.text();
                message.edited = true;
                yield previous.persist().replaceWith("edited");
            }
            case DELETED -> {
                message.deleted = true;
                yield Uni.createFrom().item("deleted");
            }
            case HIDDEN -> {
                message.hidden = true;
                yield Uni.createFrom().item("hidden");
            }
            case UNHIDDEN -> {
                message.hidden = false;
                yield Uni.createFrom().item("unhidden");
            }
            case CREATED -> Uni.createFrom().item("already_stored");
        };
    }
}
