package org.socialsuite.support.accounts;

import java.util.Optional;
import org.socialsuite.events.Channel;

/** One connected social account of a brand (DESIGN.md §2), without its credential. */
public record ConnectedAccount(
        String accountId,
        String brandId,
        Channel channel,
        String externalId,
        Optional<String> pageName,
        Optional<String> handle) {}
