package org.socialsuite.testsupport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

/** The networks' answers, in their real wire formats (PLATFORMS.md). */
public final class NetworkStubs {

    private NetworkStubs() {}

    public static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }

    /** The Send API's answer. */
    public static ResponseDefinitionBuilder messageSent(String recipientId, String messageId) {
        return json(
                200,
                "{\"recipient_id\":\"" + recipientId + "\",\"message_id\":\"" + messageId + "\"}");
    }

    /** A Graph API error: HTTP 400 with {@code {"error":{...}}}. */
    public static ResponseDefinitionBuilder facebookError(
            int code, Integer subcode, String message) {
        return json(
                400,
                "{\"error\":{\"message\":\""
                        + message
                        + "\",\"type\":\"OAuthException\",\"code\":"
                        + code
                        + (subcode == null ? "" : ",\"error_subcode\":" + subcode)
                        + ",\"fbtrace_id\":\"AbCdEf\"}}");
    }

    /** {@code POST /2/tweets}'s answer. */
    public static ResponseDefinitionBuilder tweeted(String id, String text) {
        return json(
                201,
                "{\"data\":{\"id\":\""
                        + id
                        + "\",\"text\":\""
                        + text
                        + "\",\"edit_history_tweet_ids\":[\""
                        + id
                        + "\"]}}");
    }

    /** A DM's answer. */
    public static ResponseDefinitionBuilder dmSent(String conversationId, String eventId) {
        return json(
                201,
                "{\"data\":{\"dm_conversation_id\":\""
                        + conversationId
                        + "\",\"dm_event_id\":\""
                        + eventId
                        + "\"}}");
    }

    /** Twitter/X over its limit, with the reset time in Unix seconds. */
    public static ResponseDefinitionBuilder tooManyRequests(long resetEpochSecond) {
        return json(
                        429,
                        "{\"title\":\"Too Many Requests\",\"detail\":\"Too Many Requests\","
                                + "\"type\":\"about:blank\",\"status\":429}")
                .withHeader("x-rate-limit-limit", "100")
                .withHeader("x-rate-limit-remaining", "0")
                .withHeader("x-rate-limit-reset", Long.toString(resetEpochSecond));
    }
}
