package org.socialsuite.events;

/**
 * The Kafka key of inbound events: everything one consumer says to one account stays in order,
 * public and private alike, because it lands on one partition.
 */
public record ConversationKey(String accountId, String consumerId) {

    public ConversationKey {
        Require.text(accountId, "accountId");
        Require.text(consumerId, "consumerId");
    }

    public static ConversationKey of(String accountId, String consumerId) {
        return new ConversationKey(accountId, consumerId);
    }

    public static ConversationKey parse(String key) {
        int colon = key == null ? -1 : key.indexOf(':');
        if (colon <= 0 || colon == key.length() - 1) {
            throw new IllegalArgumentException(
                    "A conversation key is accountId:consumerId, got '" + key + "'");
        }
        return new ConversationKey(key.substring(0, colon), key.substring(colon + 1));
    }

    @Override
    public String toString() {
        return accountId + ":" + consumerId;
    }
}
