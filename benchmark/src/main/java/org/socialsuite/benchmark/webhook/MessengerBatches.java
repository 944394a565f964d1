package org.socialsuite.benchmark.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Messenger webhooks as Meta sends them to the demo page: a batch of messages in one signed POST.
 * Each message's text carries the run's tag and its sequence number, so the end of its journey can
 * be recognised on {@code social.conversation.v1}.
 */
public final class MessengerBatches {

    static final String PAGE_ID = "1000001";

    private final String tag;
    private final int consumers;
    private final Mac hmac;

    /**
     * @param tag unique per run, so that runs never share message ids or conversations
     * @param consumers how many different people write: the conversations the run opens
     */
    public MessengerBatches(String tag, int consumers, String appSecret) {
        this.tag = tag;
        this.consumers = consumers;
        try {
            hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String textPrefix() {
        return "bench " + tag + " #";
    }

    /** The messages numbered {@code first} to {@code first + count - 1}, in one webhook. */
    public Webhook batch(long first, int count, long epochMillis) {
        StringBuilder body = new StringBuilder(256 * count);
        body.append("{\"object\":\"page\",\"entry\":[{\"id\":\"")
                .append(PAGE_ID)
                .append("\",\"time\":")
                .append(epochMillis)
                .append(",\"messaging\":[");
        for (long seq = first; seq < first + count; seq++) {
            if (seq > first) {
                body.append(',');
            }
            body.append("{\"sender\":{\"id\":\"")
                    .append(psid(seq))
                    .append("\"},\"recipient\":{\"id\":\"")
                    .append(PAGE_ID)
                    .append("\"},\"timestamp\":")
                    .append(epochMillis)
                    .append(",\"message\":{\"mid\":\"m_")
                    .append(tag)
                    .append('_')
                    .append(seq)
                    .append("\",\"text\":\"")
                    .append(textPrefix())
                    .append(seq)
                    .append(": my order has not arrived, can you check where it is?\"}}");
        }
        body.append("]}]}");
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        return new Webhook(bytes, "sha256=" + HexFormat.of().formatHex(sign(bytes)), count);
    }

    private String psid(long seq) {
        return "7" + Math.abs(tag.hashCode() % 1000) + "0" + (seq % consumers);
    }

    private synchronized byte[] sign(byte[] body) {
        return hmac.doFinal(body);
    }

    /** A signed body and how many messages it carries. */
    public record Webhook(byte[] body, String signature, int events) {}
}
