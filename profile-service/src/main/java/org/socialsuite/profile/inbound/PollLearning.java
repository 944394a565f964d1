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
 * What one poll of inbound events teaches, in the poll's session: the posts and profiles it names
 * are read in one query each before any event is applied, new ones are persisted as they appear,
 * and the session is written once, at commit. Applying an event then asks the database nothing.
 */
final class PollLearning {

    private static final Set<MessageKind> POSTS =
            Set.of(MessageKind.POST, MessageKind.COMMENT, MessageKind.THREAD_REPLY);

    private final Map<String, Post> posts = new HashMap<>();
    private final Map<String, ConsumerProfile> profiles = new LinkedHashMap<>();
    private final Map<String, WidgetFields> widgetsBefore = new HashMap<>();
    private final Set<ConsumerProfile> changed = new LinkedHashSet<>();

    private PollLearning() {}

    static Uni<PollLearning> load(List<SocialEventReceived> events) {
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
        Uni<Void> reads = Uni.createFrom().voidItem();
        if (!postIds.isEmpty()) {
            reads =
                    reads.call(
                            () ->
                                    Post.<Post>list("id in ?1", postIds)
                                            .invoke(
                                                    found ->
                                                            found.forEach(
                                                                    p -> poll.posts.put(p.id, p))));
        }
        if (!profileIds.isEmpty()) {
            reads =
                    reads.call(
                            () ->
                                    ConsumerProfile.<ConsumerProfile>list("id in ?1", profileIds)
                                            .invoke(found -> found.forEach(poll::known)));
        }
        return reads.replaceWith(poll);
    }

    /** Every public item becomes (or updates) a post; a consumer's hints update their profile. */
    Uni<Void> learn(SocialEventReceived event, Instant now) {
        Uni<Void> post = carriesPost(event) ? learnPost(event, now) : Uni.createFrom().voidItem();
        return event.fromBrand() ? post : post.call(() -> learnProfile(event, now));
    }

    /** The profiles the poll's consumers have now. */
    Collection<ConsumerProfile> profiles() {
        return profiles.values();
    }

    /** The profiles whose widget fields the poll changed, in the order first seen. */
    List<ConsumerProfile> changed() {
        return new ArrayList<>(changed);
    }

    private Uni<Void> learnPost(SocialEventReceived event, Instant now) {
        String id = Post.idOf(event.accountId(), event.platformId());
        Post known = posts.get(id);
        Post post =
                known != null
                        ? known
                        : Post.fresh(
                                event.accountId(),
                                event.brandId(),
                                event.channel(),
                                event.platformId());
        post.learn(event, now);
        if (known != null) {
            return Uni.createFrom().voidItem();
        }
        posts.put(id, post);
        return post.persist().replaceWithVoid();
    }

    private Uni<Void> learnProfile(SocialEventReceived event, Instant now) {
        String id = event.conversationKey().toString();
        ConsumerProfile known = profiles.get(id);
        ConsumerProfile profile = known != null ? known : ConsumerProfile.of(event, now);
        if (known == null) {
            // Compared with what an id alone shows: a new profile's first hints are a change.
            known(profile);
        }
        profile.learn(event.author(), now);
        if (!widgetsBefore.get(id).equals(profile.widget())) {
            changed.add(profile);
        } else {
            changed.remove(profile);
        }
        return known != null ? Uni.createFrom().voidItem() : profile.persist().replaceWithVoid();
    }

    private void known(ConsumerProfile profile) {
        profiles.put(profile.id, profile);
        widgetsBefore.put(profile.id, profile.widget());
    }

    private static boolean carriesPost(SocialEventReceived event) {
        return POSTS.contains(event.kind()) && event.platformId() != null;
    }
}
