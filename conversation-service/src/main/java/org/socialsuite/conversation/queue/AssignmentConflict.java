package org.socialsuite.conversation.queue;

/**
 * The change of owner is not this agent's to make: someone else has the conversation, or it is
 * closed.
 */
public class AssignmentConflict extends RuntimeException {

    private final String assigneeId;

    private AssignmentConflict(String message, String assigneeId) {
        super(message);
        this.assigneeId = assigneeId;
    }

    static AssignmentConflict heldBy(String assigneeId) {
        return new AssignmentConflict(assigneeId + " has this conversation", assigneeId);
    }

    static AssignmentConflict closed() {
        return new AssignmentConflict("The conversation is closed", null);
    }

    /** Who has the conversation, or null. */
    public String assigneeId() {
        return assigneeId;
    }
}
