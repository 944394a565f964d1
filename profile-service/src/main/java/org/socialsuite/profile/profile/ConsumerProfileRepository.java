package org.socialsuite.profile.profile;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.socialsuite.events.Channel;

@ApplicationScoped
public class ConsumerProfileRepository implements PanacheRepositoryBase<ConsumerProfile, String> {

    /** The brand's freshest knowledge of a consumer on a channel, or null. */
    public Uni<ConsumerProfile> findForBrand(String brandId, Channel channel, String consumerId) {
        return find(
                        "brandId = ?1 and channel = ?2 and consumerId = ?3 order by learntAt desc",
                        brandId,
                        channel,
                        consumerId)
                .firstResult();
    }
}
