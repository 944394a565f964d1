package org.socialsuite.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.socialsuite.events.ConversationEvent.ConversationClosed;
import org.socialsuite.events.ConversationEvent.MessageRecorded;
import org.socialsuite.events.json.ConversationEventDeserializer;
import org.socialsuite.events.json.EventFormatException;
import org.socialsuite.events.json.EventJson;
import org.socialsuite.events.json.EventSerializer;
import org.socialsuite.events.json.ReplyRequestedDeserializer;
import org.socialsuite.events.json.SocialEventReceivedDeserializer;

class ContractJsonTest {

    @Test
    void everyContractSurvivesARoundTrip() {
        assertRoundTrip(Samples.messengerMessage(), SocialEventReceived.class);
        assertRoundTrip(Samples.replyRequested(), ReplyRequested.class);
        assertRoundTrip(
                new ReplyRequested(
                        "r-2",
                        "c-1",
                        "acme-facebook",
                        "acme",
                        Channel.FACEBOOK,
                        ReplyMode.PUBLIC,
                        null,
                        new ReplyTarget("8001", null, "555_777", null, Samples.T0),
                        "agent-7",
                        Samples.T0,
                        OutboundAction.HIDE),
                ReplyRequested.class);
        assertRoundTrip(Samples.replyResult(), ReplyResult.class);
        assertRoundTrip(Samples.profileUpdated(), ConsumerProfileUpdated.class);
        assertRoundTrip(
                new MessageRecorded(
                        "c-1",
                        "acme",
                        "acme-facebook",
                        Channel.FACEBOOK,
                        "msg-1",
                        MessageDirection.INBOUND,
                        Visibility.PUBLIC,
                        MessageKind.COMMENT,
                        "call me on 0151 23456789",
                        Samples.T0,
                        Samples.T0,
                        List.of(PersonalDataKind.PHONE),
                        null,
                        null,
                        false),
                ConversationEvent.class);
        assertRoundTrip(
                new MessageRecorded(
                        "c-1",
                        "acme",
                        "acme-facebook",
                        Channel.FACEBOOK,
                        "msg-2",
                        MessageDirection.OUTBOUND,
                        Visibility.PRIVATE,
                        MessageKind.PRIVATE_MESSAGE,
                        "We sent you a message",
                        Samples.T0,
                        Samples.T0,
                        List.of(),
                        "acme-agent-1",
                        ReplyMode.PRIVATE_RESPONSE,
                        false),
                ConversationEvent.class);
        assertRoundTrip(
                new ConversationClosed("c-1", "acme", "agent-7", Samples.T0),
                ConversationEvent.class);
        assertRoundTrip(
                new ConversationEvent.DeliveryStatusChanged(
                        "c-1", "acme", "msg-2", "FAILED", null, "Window closed", Samples.T0),
                ConversationEvent.class);
        assertRoundTrip(
                new ConversationEvent.MessageChanged(
                        "c-1", "acme", "msg-3", LifecycleAction.EDITED, Samples.T0),
                ConversationEvent.class);
        assertRoundTrip(
                new ConversationEvent.ConversationAssigned(
                        "c-1", "acme", "agent-2", "agent-7", "agent-7", Samples.T0),
                ConversationEvent.class);
        assertRoundTrip(
                new ConversationEvent.ConversationUnassigned(
                        "c-1", "acme", "agent-2", "admin-1", Samples.T0),
                ConversationEvent.class);
        assertRoundTrip(
                new ConversationEvent.ModerationChanged(
                        "c-1",
                        "acme",
                        "msg-4",
                        "mod-1",
                        OutboundAction.HIDE,
                        "SENT",
                        null,
                        "agent-7",
                        Samples.T0),
                ConversationEvent.class);
        assertRoundTrip(
                new ConversationEvent.ConversationReopened(
                        "c-1", "acme", Samples.T0.plusSeconds(3600), Samples.T0),
                ConversationEvent.class);
    }

    @Test
    void instantsAreIsoStringsAndAbsentFieldsAreLeftOut() {
        String json = json(Samples.messengerMessage());

        assertThat(json).contains("\"occurredAt\":\"2026-01-01T10:00:00.123Z\"");
        assertThat(json).doesNotContain("quotedPlatformId");
    }

    @Test
    void aCommandWrittenBeforeModerationExistedIsAReply() {
        String json =
                new String(EventJson.write(Samples.replyRequested()), StandardCharsets.UTF_8)
                        .replace(",\"action\":\"REPLY\"", "");
        assertThat(json).doesNotContain("action").doesNotContain("\"reply\"");

        ReplyRequested read =
                EventJson.read(json.getBytes(StandardCharsets.UTF_8), ReplyRequested.class);

        assertThat(read.action()).isEqualTo(OutboundAction.REPLY);
        assertThat(read).isEqualTo(Samples.replyRequested());
    }

    @Test
    void aMessageRecordedBeforeItsLaterFieldsHasNoneOfThem() {
        String json =
                "{\"type\":\"MessageRecorded\",\"conversationId\":\"c-1\",\"brandId\":\"acme\","
                        + "\"accountId\":\"acme-facebook\",\"channel\":\"FACEBOOK\","
                        + "\"messageId\":\"m-1\",\"direction\":\"INBOUND\","
                        + "\"visibility\":\"PUBLIC\",\"kind\":\"COMMENT\",\"text\":\"hi\","
                        + "\"occurredAt\":\"2026-01-01T10:00:00Z\","
                        + "\"recordedAt\":\"2026-01-01T10:00:01Z\"}";

        MessageRecorded read =
                (MessageRecorded) new ConversationEventDeserializer().deserialize("t", bytes(json));

        assertThat(read.personalData()).isEmpty();
        assertThat(read.agentId()).isNull();
        assertThat(read.sentOutside()).isFalse();
    }

    @Test
    void conversationEventsNameTheirType() {
        String json = json(new ConversationClosed("c-1", "acme", "agent-7", Samples.T0));

        assertThat(json).contains("\"type\":\"ConversationClosed\"");
    }

    @Test
    void unknownFieldsAreIgnoredSoProducersCanAddFields() {
        String json =
                json(Samples.replyRequested())
                        .replaceFirst("\\{", "{\"priority\":\"high\",\"nested\":{\"a\":[1,2]},");

        ReplyRequested read = new ReplyRequestedDeserializer().deserialize("t", bytes(json));

        assertThat(read).isEqualTo(Samples.replyRequested());
    }

    @Test
    void aMissingRequiredFieldFailsNamingTheField() {
        String json = json(Samples.messengerMessage()).replace("\"accountId\":", "\"account\":");

        assertThatThrownBy(() -> EventJson.read(bytes(json), SocialEventReceived.class))
                .isInstanceOf(EventFormatException.class)
                .hasMessage("Invalid SocialEventReceived: accountId is required");
    }

    @Test
    void theKafkaDeserializerNamesTopicTypeAndField() {
        String json = json(Samples.messengerMessage()).replace("\"author\":", "\"writer\":");

        assertThatThrownBy(
                        () ->
                                new SocialEventReceivedDeserializer()
                                        .deserialize(Topics.INBOUND, bytes(json)))
                .isInstanceOf(SerializationException.class)
                .hasMessage("social.inbound.v1: Invalid SocialEventReceived: author is required");
    }

    @Test
    void malformedJsonFailsClearly() {
        assertThatThrownBy(
                        () ->
                                new ConversationEventDeserializer()
                                        .deserialize(Topics.CONVERSATION, bytes("{\"type\":")))
                .isInstanceOf(SerializationException.class)
                .hasMessageStartingWith("social.conversation.v1: Unreadable ConversationEvent");
    }

    @Test
    void anUnknownEnumValueIsRejectedNotGuessed() {
        String json = json(Samples.replyRequested()).replace("\"PRIVATE\"", "\"CARRIER_PIGEON\"");

        assertThatThrownBy(() -> EventJson.read(bytes(json), ReplyRequested.class))
                .isInstanceOf(EventFormatException.class)
                .hasMessageContaining("CARRIER_PIGEON");
    }

    @Test
    void aSentResultMustNameThePlatformMessage() {
        assertThatThrownBy(
                        () ->
                                new ReplyResult(
                                        "r-1",
                                        "c-1",
                                        DeliveryOutcome.SENT,
                                        null,
                                        null,
                                        null,
                                        1,
                                        Instant.now()))
                .hasMessage("platformMessageId (of a SENT reply) is required");
    }

    @Test
    void nullsPassThroughTheSerdeAsTombstones() {
        assertThat(new EventSerializer<>().serialize("t", null)).isNull();
        assertThat(new SocialEventReceivedDeserializer().deserialize("t", null)).isNull();
    }

    private static <T> void assertRoundTrip(T event, Class<? super T> type) {
        byte[] bytes = new EventSerializer<T>().serialize("t", event);

        assertThat(EventJson.read(bytes, type)).isEqualTo(event);
    }

    private static String json(Object event) {
        return new String(EventJson.write(event), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
