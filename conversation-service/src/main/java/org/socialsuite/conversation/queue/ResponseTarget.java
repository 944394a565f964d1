package org.socialsuite.conversation.queue;

import java.time.Duration;

/**
 * How soon a brand promises to answer a consumer who waits: the first answer of a conversation, and
 * each later one.
 */
public record ResponseTarget(Duration first, Duration next) {}
