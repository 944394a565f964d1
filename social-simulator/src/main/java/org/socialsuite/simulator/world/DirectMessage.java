package org.socialsuite.simulator.world;

import java.time.Instant;

/** One message in a brand's DM conversation with a person. */
public record DirectMessage(
        String id,
        String brandUserId,
        String personId,
        boolean fromBrand,
        String text,
        Instant at) {}
