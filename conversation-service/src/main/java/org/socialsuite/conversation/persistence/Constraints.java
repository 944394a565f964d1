package org.socialsuite.conversation.persistence;

import org.hibernate.exception.ConstraintViolationException;

/** Reading a failed write: which unique index refused it, however deep the cause. */
public final class Constraints {

    private Constraints() {}

    /** Whether the failure is the named constraint (a unique index) refusing a row. */
    public static boolean violated(Throwable failure, String constraint) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConstraintViolationException violation
                    && constraint.equals(violation.getConstraintName())) {
                return true;
            }
            if (cause.getMessage() != null && cause.getMessage().contains(constraint)) {
                return true;
            }
        }
        return false;
    }
}
