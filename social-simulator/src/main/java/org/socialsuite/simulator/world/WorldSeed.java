package org.socialsuite.simulator.world;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.socialsuite.simulator.facebook.FacebookNetwork;
import org.socialsuite.simulator.twitter.TwitterNetwork;
import org.socialsuite.support.accounts.ConnectedAccount;

/**
 * A world to start from: each page has a post and each brand a tweet for consumers to answer. Their
 * webhooks reach ingest as the brands' own items, context for the threads.
 */
@ApplicationScoped
public class WorldSeed {

    private final FacebookNetwork facebook;
    private final TwitterNetwork twitter;

    public WorldSeed(FacebookNetwork facebook, TwitterNetwork twitter) {
        this.facebook = facebook;
        this.twitter = twitter;
    }

    void seed(@Observes StartupEvent startup) {
        for (ConnectedAccount page : facebook.pages()) {
            facebook.pagePost(
                    page.externalId(),
                    "Our autumn deliveries are on their way 🍂 Questions about your order? Ask"
                            + " below.");
        }
        for (ConnectedAccount brand : twitter.brands()) {
            twitter.brandTweet(
                    brand.externalId(),
                    "New: track every parcel live in the app. Questions? Ask us here.");
        }
    }
}
