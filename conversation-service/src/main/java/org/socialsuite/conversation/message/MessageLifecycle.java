package org.socialsuite.conversation.message;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.socialsuite.conversation.privacy.PersonalDataScanner;
import org.socialsuite.events.SocialEventReceived;

/** Mirrors on a stored message what happened to it on the network. */
@ApplicationScoped
public class MessageLifecycle {

    private final PersonalDataScanner personalData;

    public MessageLifecycle(PersonalDataScanner personalData) {
        this.personalData = personalData;
    }

    /** The outcome of a change the message already shows. */
    public static final String UNCHANGED = "unchanged";

    /**
     * An edit replaces the text and keeps the previous version; a removal marks the message deleted
     * (the API then hides its text); hide and unhide flip the moderation flag. A removal, hide or
     * unhide that finds the message already so (the network confirming what an agent did from the
     * workspace) is {@code unchanged}: nothing to announce.
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
                // An edit can add personal data, or take it out.
                personalData.flag(event.brandId(), message);
                yield previous.persist().replaceWith("edited");
            }
            case DELETED -> {
                boolean changed = !message.deleted;
                message.deleted = true;
                yield outcome(changed, "deleted");
            }
            case HIDDEN -> {
                boolean changed = !message.hidden;
                message.hidden = true;
                yield outcome(changed, "hidden");
            }
            case UNHIDDEN -> {
                boolean changed = message.hidden;
                message.hidden = false;
                yield outcome(changed, "unhidden");
            }
            case CREATED -> Uni.createFrom().item("already_stored");
        };
    }

    private static Uni<String> outcome(boolean changed, String change) {
        return Uni.createFrom().item(changed ? change : UNCHANGED);
    }
}
