package org.socialsuite.profile.inbound;

import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.socialsuite.events.MessageKind;
import org.socialsuite.events.SocialEventReceived;
import org.socialsuite.profile.post.Post;
import org.socialsuite.profile.profile.ConsumerProfile;
import org.socialsuite.profile.profile.WidgetFields;

/**
 * What one poll of inbound events teaches: the posts and profiles it names are read in one query
 * each, the events are applied in memory in order, and each table is written once ({@link
 * LearningRows}). Applying an event asks the database nothing.
 */
final class PollLearning {

    private static final Set<MessageKind> POSTS =
            Set.of(MessageKind.POST, MessageKind.COMMENT, MessageKind.THREAD_REPLY);

    private final Map<String, Post> posts = new HashMap<>();
    private final Set<Post> learntPosts = new LinkedHashSet<>();
    private final Map<String, ConsumerProfile> profiles = new LinkedHashMap<>();
    private final Map<String, ConsumerProfile> hints = new LinkedHashMap<>();
    private final Map<String, WidgetFields> widgetsBefore = new HashMap<>();
    private final Set<ConsumerProfile> changed = new LinkedHashSet<>();

    private PollLearning() {}

    static Uni<PollLearning> load(LearningRows rows, List<SocialEventReceived> events) {
        PollLearning poll = new PollLearning();
        List<String> postIds =
                events.stream()
                        .filter(PollLearning::carriesPost)
                        .map(event -> Post.idOf(event.accountId(), event.platformId()))
                        .distinct()
                        .toList();
        List<String> profileIds =
                events.stream()
                        .filter(event -> !event.fromBrand())
                        .map(event -> event.conversationKey().toString())
                        .distinct()
                        .toList();
        return rows.posts(postIds)
                .invoke(poll.posts::putAll)
                .chain(() -> rows.profiles(profileIds))
                .invoke(found -> found.values().forEach(poll::known))
                .replaceWith(poll);
    }

    /** Every public item becomes (or updates) a post; a consumer's hints update their profile. */
    void learn(SocialEventReceived event, Instant now) {
        if (carriesPost(event)) {
            learnPost(event, now);
        }
        if (!event.fromBrand()) {
            learnProfile(event, now);
        }
    }

    /** Writes what the poll learnt: each post whole, each consumer's hints. */
    Uni<Void> write(LearningRows rows) {
        return rows.writePosts(learntPosts).chain(() -> rows.writeHints(hints.values()));
    }

    /** The profiles the poll's consumers have now. */
    Collection<ConsumerProfile> profiles() {
        return profiles.values();
    }

    /** The profiles whose widget fields the poll changed, in the order first seen. */
    List<ConsumerProfile> changed() {
        return new ArrayList<>(changed);
    }

    private void learnPost(SocialEventReceived event, Instant now) {
        Post post =
                posts.computeIfAbsent(
                        Post.idOf(event.accountId(), event.platformId()),
                        id ->
                                Post.fresh(
                                        event.accountId(),
                                        event.brandId(),
                                        event.channel(),
                                        event.platformId()));
        post.learn(event, now);
        learntPosts.add(post);
    }

    private void learnProfile(SocialEventReceived event, Instant now) {
        String id = event.conversationKey().toString();
        ConsumerProfile profile = profiles.get(id);
        if (profile == null) {
            // Compared with what an id alone shows: a new profile's first hints are a change.
            profile = ConsumerProfile.of(event, now);
            known(profile);
        }
        profile.learn(event.author(), now);
        hints.computeIfAbsent(id, ignored -> ConsumerProfile.of(event, now))
                .learn(event.author(), now);
        if (!widgetsBefore.get(id).equals(profile.widget())) {
            changed.add(profile);
        } else {
            changed.remove(profile);
        }
    }

    private void known(ConsumerProfile profile) {
        profiles.put(profile.id, profile);
        widgetsBefore.put(profile.id, profile.widget());
    }

    private static boolean carriesPost(SocialEventReceived event) {
        return POSTS.contains(event.kind()) && event.platformId() != null;
    }
}
