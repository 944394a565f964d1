package org.socialsuite.ingest.publish;

/** Kafka did not acknowledge every event of a webhook; the sender must retry. */
public class PublishFailed extends RuntimeException {

    public PublishFailed(String message, Throwable cause) {
        super(message, cause);
    }
}
