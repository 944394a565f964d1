package org.socialsuite.profile.profile;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.socialsuite.events.Channel;
import org.socialsuite.profile.ProfileSettings;
import org.socialsuite.profile.network.UpstreamFailure;
import org.socialsuite.support.api.AgentIdentity;
import org.socialsuite.support.api.QueryValues;

@Path("/api/profiles/{channel}/{consumerId}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("agent")
@SecurityRequirement(name = "jwt")
@Tag(name = "Profiles")
public class ProfileResource {

    private final ConsumerProfileRepository profiles;
    private final ProfileRefresher refresher;
    private final ProfileSettings settings;
    private final Clock clock;
    private final JsonWebToken token;

    public ProfileResource(
            ConsumerProfileRepository profiles,
            ProfileRefresher refresher,
            ProfileSettings settings,
            Clock clock,
            JsonWebToken token) {
        this.profiles = profiles;
        this.refresher = refresher;
        this.settings = settings;
        this.clock = clock;
        this.token = token;
    }

    @GET
    @Operation(
            summary = "The consumer's widget fields, for the agent's brand",
            description =
                    "Fetched from the network when missing or older than the expiry; the last"
                            + " known data with stale:true when the network cannot be asked; 503"
                            + " when nothing is known yet.")
    public Uni<ProfileView> get(@RestPath String channel, @RestPath String consumerId) {
        Channel network = QueryValues.parse(Channel.class, "channel", channel);
        String brandId = AgentIdentity.of(token).brandId();
        return Panache.withSession(() -> profiles.findForBrand(brandId, network, consumerId))
                .onItem()
                .ifNull()
                .failWith(() -> new NotFoundException("No profile of " + consumerId))
                .chain(
                        profile ->
                                profile.freshAt(clock.instant(), settings.cacheTtl())
                                        ? Uni.createFrom().item(view(profile, false))
                                        : refresher
                                                .refresh(profile.id)
                                                .map(fresh -> view(fresh, false))
                                                .onFailure(UpstreamFailure.class)
                                                .recoverWithUni(
                                                        failure ->
                                                                lastKnown(
                                                                        profile,
                                                                        (UpstreamFailure)
                                                                                failure)));
    }

    private Uni<ProfileView> lastKnown(ConsumerProfile profile, UpstreamFailure failure) {
        if (!profile.widget().isEmpty()) {
            return Uni.createFrom().item(view(profile, true));
        }
        return Uni.createFrom()
                .failure(
                        new UpstreamFailure(
                                failure.kind(),
                                "Nothing is known yet about "
                                        + profile.consumerId
                                        + ", and the network cannot be asked now ("
                                        + failure.getMessage()
                                        + ")",
                                failure.retryAt()));
    }

    private ProfileView view(ConsumerProfile profile, boolean stale) {
        return ProfileView.of(profile, clock.instant(), stale);
    }
}
