package org.socialsuite.events;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A kind of personal data a consumer wrote where everyone can read it, or an agent was about to
 * publish. Only the kind travels; the value itself is never copied into another record.
 */
public enum PersonalDataKind {
    EMAIL("email address"),
    PHONE("phone number"),
    PAYMENT_CARD("card number"),
    IBAN("bank account number"),
    ORDER_NUMBER("order number");

    private final String words;

    PersonalDataKind(String words) {
        this.words = words;
    }

    /** How an agent reads it: "phone number". */
    public String words() {
        return words;
    }

    /** Several, as an agent reads them: "email address, phone number". */
    public static String words(List<PersonalDataKind> kinds) {
        return kinds.stream().map(PersonalDataKind::words).collect(Collectors.joining(", "));
    }
}
