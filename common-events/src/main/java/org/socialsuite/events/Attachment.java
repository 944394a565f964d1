package org.socialsuite.events;

/** A picture, video, file or other media attached to a message; some types carry no URL. */
public record Attachment(String type, String url) {

    public Attachment {
        Require.text(type, "attachment.type");
    }
}
