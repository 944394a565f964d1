package org.socialsuite.simulator;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.socialsuite.events.Channel;

/**
 * {@code simulator.*}: where the webhooks go, the networks' app secrets, quotas and the scenario.
 */
@ConfigMapping(prefix = "simulator")
public interface SimulatorConfig {

    /** ingest-service, which receives the webhooks at /webhooks/facebook and /webhooks/twitter. */
    String ingestUrl();

    /** Signs Facebook webhooks (X-Hub-Signature-256), as the Facebook app does. */
    String facebookAppSecret();

    /** Signs Twitter/X webhooks (x-twitter-webhooks-signature), as the Twitter app does. */
    String twitterConsumerSecret();

    /** Events within this window go out in one webhook, as the networks batch them. */
    @WithDefault("PT0.2S")
    Duration webhookBatchWindow();

    Quotas quotas();

    /** The apps the suite connects accounts through, as the networks registered them. */
    Apps apps();

    /**
     * Pages and X accounts on the networks that no brand has connected yet, {@code
     * simulator.unconnected.<id>.*}: an administrator connects them through the login flows.
     */
    Map<String, Unconnected> unconnected();

    Scenario scenario();

    /** When a quota runs out the network answers 429 (Twitter/X) or code 613 (Facebook). */
    interface Quotas {
        /** Graph API sends per page per window. */
        @WithDefault("600")
        int facebookSends();

        /** Reply tweets per brand user per window. */
        @WithDefault("100")
        int twitterTweets();

        /** DMs per brand user per window. */
        @WithDefault("15")
        int twitterDirectMessages();

        @WithDefault("PT15M")
        Duration window();
    }

    interface Apps {
        /** The Facebook app's id (its secret is {@link #facebookAppSecret()}). */
        String facebookAppId();

        /** The X app's OAuth 2.0 client id and secret. */
        String twitterClientId();

        String twitterClientSecret();

        /** The X app's Account Activity webhook, which subscriptions are made to. */
        String twitterWebhookId();
    }

    interface Unconnected {
        Channel channel();

        String externalId();

        Optional<String> pageName();

        Optional<String> handle();
    }

    interface Scenario {
        /** Starts the demo trickle of consumer activity at start-up ({@code --scenario demo}). */
        @WithDefault("false")
        boolean enabled();

        /** Consumer actions per minute while it runs. */
        @WithDefault("6")
        int perMinute();
    }
}
