package org.socialsuite.profile.post;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Set;
import org.socialsuite.events.Channel;
import org.socialsuite.events.MessageKind;
import org.socialsuite.events.SocialEventReceived;

@ApplicationScoped
public class PostRepository implements PanacheRepositoryBase<Post, String> {

    private static final Set<MessageKind> POSTS =
            Set.of(MessageKind.POST, MessageKind.COMMENT, MessageKind.THREAD_REPLY);

    /** The brand's freshest copy of a post on a channel, or null. */
    public Uni<Post> findForBrand(String brandId, Channel channel, String platformId) {
        return find(
                        "brandId = ?1 and channel = ?2 and platformId = ?3 order by storedAt desc",
                        brandId,
                        channel,
                        platformId)
                .firstResult();
    }

    public Uni<Post> findInAccount(String accountId, String platformId) {
        return findById(Post.idOf(accountId, platformId));
    }

    /** Every public item an event carries becomes (or updates) a post; messages do not. */
    public Uni<Void> learn(SocialEventReceived event, Instant now) {
        if (!POSTS.contains(event.kind())) {
            return Uni.createFrom().voidItem();
        }
        return findInAccount(event.accountId(), event.platformId())
                .chain(
                        existing -> {
                            Post post =
                                    existing != null
                                            ? existing
                                            : Post.fresh(
                                                    event.accountId(),
                                                    event.brandId(),
                                                    event.channel(),
                                                    event.platformId());
                            post.learn(event, now);
                            return existing != null
                                    ? Uni.createFrom().voidItem()
                                    : persist(post).replaceWithVoid();
                        });
    }
}
