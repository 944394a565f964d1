package org.socialsuite.ingest.webhook;

import java.util.List;

/**
 * A signature header must come once: with two, a proxy and this service could each check a
 * different one, so a second copy is refused rather than chosen between.
 */
public final class SignatureHeader {

    private SignatureHeader() {}

    /** The header's only value, or null when it is absent. */
    public static String single(List<String> values, String name) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw WebhookRejected.badSignature(name + " must be sent once");
        }
        return values.get(0);
    }
}
