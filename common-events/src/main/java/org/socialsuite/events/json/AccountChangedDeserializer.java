package org.socialsuite.events.json;

import org.socialsuite.events.AccountChanged;

/** A tombstone (no value) reads as null: the account was disconnected. */
public class AccountChangedDeserializer extends EventDeserializer<AccountChanged> {

    public AccountChangedDeserializer() {
        super(AccountChanged.class);
    }
}
