package org.socialsuite.ingest.webhook.facebook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The Facebook app's webhook secrets ({@code SOCIAL_FACEBOOK_*}). */
@ConfigMapping(prefix = "social.facebook")
public interface FacebookWebhookConfig {

    /** Keys the HMAC of every webhook body. */
    String appSecret();

    /** Answers the subscription handshake. */
    String verifyToken();

    /** Accept the legacy {@code X-Hub-Signature} (HMAC-SHA1) when no SHA-256 signature is sent. */
    @WithDefault("false")
    boolean acceptSha1Signature();
}
