package org.socialsuite.conversation.conversation;

public enum ConversationStatus {
    OPEN,
    CLOSED
}
