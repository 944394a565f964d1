package org.socialsuite.profile.post;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;
import org.socialsuite.profile.ProfileSettings;
import org.socialsuite.profile.network.FetchedPost;
import org.socialsuite.profile.network.NetworkLookups;
import org.socialsuite.profile.network.SingleFlight;
import org.socialsuite.profile.network.UpstreamFailure;

/**
 * Climbs from a post to its thread's root: each parent from the account's store, else fetched once
 * (however many ask) and stored, up to {@code profile.thread-max-depth} posts.
 */
@ApplicationScoped
public class ThreadWalker {

    private static final Logger LOG = Logger.getLogger(ThreadWalker.class);

    private final PostRepository posts;
    private final NetworkLookups network;
    private final ProfileSettings settings;
    private final Clock clock;
    private final SingleFlight<String, Post> fetches;

    public ThreadWalker(
            PostRepository posts,
            NetworkLookups network,
            ProfileSettings settings,
            Clock clock,
            Vertx vertx) {
        this.posts = posts;
        this.network = network;
        this.settings = settings;
        this.clock = clock;
        this.fetches = new SingleFlight<>(vertx);
    }

    /** The thread from its root down to {@code post}. */
    public Uni<ThreadView> threadOf(Post post) {
        List<Post> chain = new ArrayList<>();
        chain.add(post);
        return climb(chain, post.rootPlatformId);
    }

    private Uni<ThreadView> climb(List<Post> chain, String root) {
        Post top = chain.get(chain.size() - 1);
        String parentId = top.parentIn(root);
        if (parentId == null) {
            return Uni.createFrom().item(view(chain, true));
        }
        if (chain.size() >= settings.threadMaxDepth()) {
            return Uni.createFrom().item(view(chain, false));
        }
        return parent(top, parentId, root)
                .chain(
                        parent -> {
                            chain.add(parent);
                            return climb(chain, root != null ? root : parent.rootPlatformId);
                        })
                .onFailure(UpstreamFailure.class)
                .recoverWithItem(
                        failure -> {
                            LOG.infof(
                                    "Thread above %s ends early: %s",
                                    top.platformId, failure.getMessage());
                            return view(chain, false);
                        });
    }

    private Uni<Post> parent(Post child, String parentId, String root) {
        return Panache.withSession(() -> posts.findInAccount(child.accountId, parentId))
                .onItem()
                .ifNull()
                .switchTo(
                        () ->
                                fetches.run(
                                        Post.idOf(child.accountId, parentId),
                                        () -> fetchAndStore(child, parentId, root)));
    }

    private Uni<Post> fetchAndStore(Post child, String platformId, String root) {
        return network.post(child.accountId, child.channel, platformId, root)
                .chain(fetched -> store(child, fetched));
    }

    private Uni<Post> store(Post child, FetchedPost fetched) {
        return Panache.withTransaction(
                () ->
                        posts.findInAccount(child.accountId, fetched.platformId())
                                .chain(
                                        existing -> {
                                            Post post =
                                                    existing != null
                                                            ? existing
                                                            : Post.fresh(
                                                                    child.accountId,
                                                                    child.brandId,
                                                                    child.channel,
                                                                    fetched.platformId());
                                            post.learn(fetched, clock.instant());
                                            return existing != null
                                                    ? Uni.createFrom().item(post)
                                                    : posts.persist(post);
                                        }));
    }

    private static ThreadView view(List<Post> chain, boolean complete) {
        List<ThreadView.Item> items = new ArrayList<>();
        for (int i = chain.size() - 1; i >= 0; i--) {
            items.add(ThreadView.Item.of(chain.get(i)));
        }
        return new ThreadView(items, complete);
    }
}
