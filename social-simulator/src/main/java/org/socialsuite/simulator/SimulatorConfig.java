package org.socialsuite.simulator;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

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

    interface Scenario {
        /** Starts the demo trickle of consumer activity at start-up ({@code --scenario demo}). */
        @WithDefault("false")
        boolean enabled();

        /** Consumer actions per minute while it runs. */
        @WithDefault("6")
        int perMinute();
    }
}
