package org.socialsuite.ingest.webhook.twitter;

import io.smallrye.config.ConfigMapping;

/** The Twitter/X app's webhook secret ({@code SOCIAL_TWITTER_CONSUMER_SECRET}). */
@ConfigMapping(prefix = "social.twitter")
public interface TwitterWebhookConfig {

    /** Keys the CRC response and the HMAC of every webhook body. */
    String consumerSecret();
}
