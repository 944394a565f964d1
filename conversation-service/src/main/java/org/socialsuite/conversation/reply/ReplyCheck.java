package org.socialsuite.conversation.reply;

import java.util.List;
import org.socialsuite.events.PersonalDataKind;
import org.socialsuite.events.ReplyMode;

/**
 * A draft measured by the rules a reply will meet, for the workspace to show while the agent types:
 * the same code that accepts or refuses the reply, so the counter and the server cannot disagree.
 *
 * @param length as the network counts it: Twitter/X's weighted length with the mention for a reply
 *     tweet, characters otherwise
 * @param weighted whether {@code length} is Twitter/X's weighted length
 * @param withMention whether it counts the @mention a reply tweet starts with (the consumer's
 *     handle is known)
 * @param problem why the reply would be refused as it stands (empty, too long), or absent
 * @param personalData the personal data a public reply would publish (refused unless confirmed);
 *     empty for private modes
 */
public record ReplyCheck(
        ReplyMode mode,
        int length,
        int limit,
        boolean weighted,
        boolean withMention,
        String problem,
        List<PersonalDataKind> personalData) {}
