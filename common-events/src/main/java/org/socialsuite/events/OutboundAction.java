package org.socialsuite.events;

/**
 * What an outbound command asks of the network: a reply, or moderation of a consumer's public item
 * (PLATFORMS.md, "Moderation").
 */
public enum OutboundAction {
    /** A reply in the command's mode: its text, to its target. */
    REPLY,
    /** Hide a comment on the brand's page from everyone but its author and their friends. */
    HIDE,
    /** Show a hidden comment again. */
    UNHIDE,
    /** Delete a comment or visitor post on the brand's page. */
    DELETE,
    /** Like the comment, post or tweet as the brand. */
    LIKE
}
