package org.socialsuite.profile.post;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.socialsuite.events.Channel;

@ApplicationScoped
public class PostRepository implements PanacheRepositoryBase<Post, String> {

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
}
