package org.socialsuite.conversation.message;

import java.util.List;

/**
 * One page of a transcript, in time order (oldest first, as it reads).
 *
 * @param olderCursor hand it back as {@code before} for the messages before this page; absent at
 *     the beginning of the conversation
 */
public record TranscriptPage(List<TranscriptMessage> items, String olderCursor) {}
