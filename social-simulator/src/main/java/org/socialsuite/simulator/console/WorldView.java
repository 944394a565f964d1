package org.socialsuite.simulator.console;

import java.time.Instant;
import java.util.List;

/** What the consumer console shows: both networks as their users would see them. */
public record WorldView(Facebook facebook, Twitter twitter, ScenarioState scenario) {

    public record Facebook(List<Page> pages, List<PersonRef> people) {}

    public record Page(String id, String name, List<Item> posts, List<Conversation> messenger) {}

    /**
     * A post with its comments, or a comment with its replies.
     *
     * @param comment true for a comment or reply, which the page can answer privately
     * @param hidden the page hid it: only its author and their friends see it
     * @param likedByPage the page liked it
     */
    public record Item(
            String id,
            PersonRef author,
            boolean byPage,
            boolean comment,
            String message,
            Instant createdAt,
            boolean hidden,
            boolean likedByPage,
            List<Item> comments) {}

    /**
     * @param windowState STANDARD, HUMAN_AGENT or CLOSED: what the page may still send
     */
    public record Conversation(PersonRef person, String windowState, List<Message> messages) {}

    /**
     * @param answers for a Facebook private response, the comment it answered
     */
    public record Message(String id, boolean fromBrand, String text, Instant at, String answers) {}

    public record Twitter(List<Brand> brands, List<PersonRef> people) {}

    public record Brand(
            String id,
            String handle,
            List<List<TweetView>> threads,
            List<Conversation> directMessages) {}

    public record TweetView(
            String id,
            PersonRef author,
            boolean byBrand,
            String text,
            String inReplyToId,
            Instant createdAt,
            boolean likedByBrand) {}

    public record PersonRef(String id, String name, String handle) {}

    public record ScenarioState(boolean running, int perMinute) {}
}
