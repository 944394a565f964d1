package org.socialsuite.support.rules;

import com.twitter.twittertext.TwitterTextParseResults;
import com.twitter.twittertext.TwitterTextParser;

/**
 * Twitter/X's weighted length, measured by Twitter's own library (`twitter-text`, its current
 * configuration): after NFC normalisation, Latin and common punctuation weigh 1 and other
 * characters 2, an emoji sequence (ZWJ, skin tone, flag) weighs 2 as a whole, and every URL, with
 * or without its scheme (`example.com`), weighs 23. A home-made approximation disagreed with the
 * network on exactly those, so the network's rule book is used as it is.
 */
public final class TwitterText {

    public static final int MAX_WEIGHTED_LENGTH =
            TwitterTextParser.TWITTER_TEXT_DEFAULT_CONFIG.getMaxWeightedTweetLength();

    private TwitterText() {}

    /** What the network would make of this text. */
    public static Measure measure(String text) {
        String body = text == null ? "" : text;
        TwitterTextParseResults parsed = TwitterTextParser.parseTweet(body);
        // The library's one verdict also says "empty" and "too long"; those the callers word
        // themselves, so what is left of it is a character the network refuses.
        boolean refusedCharacter =
                !parsed.isValid && !body.isEmpty() && parsed.weightedLength <= MAX_WEIGHTED_LENGTH;
        return new Measure(parsed.weightedLength, refusedCharacter);
    }

    public static int weightedLength(String text) {
        return measure(text).weightedLength();
    }

    /**
     * @param refusedCharacter the text holds a character the network refuses (U+FFFE, U+FEFF,
     *     U+FFFF)
     */
    public record Measure(int weightedLength, boolean refusedCharacter) {}
}
