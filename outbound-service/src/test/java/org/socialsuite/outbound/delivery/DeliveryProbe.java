package org.socialsuite.outbound.delivery;

import org.socialsuite.events.ReplyRequested;
import org.socialsuite.events.ReplyResult;
import org.socialsuite.events.Topics;
import org.socialsuite.events.json.ReplyResultDeserializer;
import org.socialsuite.testsupport.TestEvents;
import org.socialsuite.testsupport.TopicWatcher;

/** Sends reply commands over the broker and waits for their results. */
final class DeliveryProbe implements AutoCloseable {

    private final TopicWatcher<ReplyResult> results =
            TopicWatcher.open(Topics.OUTBOUND_RESULT, new ReplyResultDeserializer());

    static void publish(ReplyRequested reply) {
        TestEvents.publish(Topics.OUTBOUND_REQUESTED, reply.conversationId(), reply);
    }

    ReplyResult deliver(ReplyRequested reply) {
        publish(reply);
        return awaitResult(reply);
    }

    ReplyResult awaitResult(ReplyRequested reply) {
        return results.awaitRecord(r -> r.replyId().equals(reply.replyId())).value();
    }

    TopicWatcher<ReplyResult> results() {
        return results;
    }

    @Override
    public void close() {
        results.close();
    }
}
