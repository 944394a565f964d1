package org.socialsuite.outbound.account;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The accounts whose token a network refused (Facebook code 190, Twitter/X 401): they need an
 * administrator to re-authorise them. Shown by the readiness check and the gauge {@code
 * outbound.accounts.reauthorisation.needed}; a later successful send clears the flag.
 */
@ApplicationScoped
public class AccountAuthorisations {

    private final Map<String, Refusal> refused = new ConcurrentHashMap<>();

    public AccountAuthorisations(MeterRegistry meters) {
        meters.gaugeMapSize("outbound.accounts.reauthorisation.needed", Tags.empty(), refused);
    }

    public void needsReauthorisation(String accountId, String reason, Instant at) {
        refused.put(accountId, new Refusal(reason, at));
    }

    public void authorised(String accountId) {
        refused.remove(accountId);
    }

    public boolean needsReauthorisation(String accountId) {
        return refused.containsKey(accountId);
    }

    /** Sorted by account id, for a stable readiness answer. */
    public Map<String, Refusal> refused() {
        return new TreeMap<>(refused);
    }

    public record Refusal(String reason, Instant at) {}
}
