package org.socialsuite.testsupport;

import java.util.List;

/**
 * Texts whose weight on Twitter/X is known, each in the shape of a case of twitter-text's published
 * conformance suite (its current configuration, "discounted emoji"): the server's measure and the
 * workspace's counter are both held to this one table, so they cannot drift apart. No text starts
 * or ends with white space (a byte-order mark included): the workspace measures and sends the
 * trimmed draft.
 */
public final class TwitterTextCases {

    /**
     * @param weightedLength what Twitter/X counts
     * @param valid whether Twitter/X accepts it as a tweet: not empty, not over 280, no refused
     *     characters
     */
    public record Case(String description, String text, int weightedLength, boolean valid) {
        @Override
        public String toString() {
            return description;
        }
    }

    public static final List<Case> ALL =
            List.of(
                    new Case("Latin text weighs one per character", "This is a test.", 15, true),
                    new Case("a URL with its scheme weighs 23", "http://test.com", 23, true),
                    new Case("a URL over https weighs 23", "https://test.com", 23, true),
                    new Case("a bare domain is a URL and weighs 23", "test.com", 23, true),
                    new Case("a bare ccTLD domain is a URL", "foo.co.jp", 23, true),
                    new Case(
                            "a bare domain with a path and query is one URL",
                            "example.com/path/to/resource?search=foo&lang=en",
                            23,
                            true),
                    new Case(
                            "several URLs, with and without scheme",
                            "Test https://test.com test https://test.com test.com test",
                            86,
                            true),
                    new Case(
                            "ten URLs of 29 characters still weigh 23 each",
                            // No trailing space: the workspace sends (and counts) the trimmed text.
                            "https://www.twitter.com/aloha ".repeat(10).strip(),
                            239,
                            true),
                    new Case(
                            "a domain label over 63 characters is not a URL",
                            "a".repeat(64) + ".com",
                            68,
                            true),
                    new Case("Hangul weighs two per character", "저찀쯿쿿", 8, true),
                    new Case("140 CJK characters fill a tweet", "漢字".repeat(70), 280, true),
                    new Case("160 CJK characters overflow", "漢字".repeat(80), 320, false),
                    new Case(
                            "Latin, emoji and a ZWJ family sequence",
                            "H\uD83D\uDC31\u263A\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67\u200D\uD83D\uDC66",
                            7,
                            true),
                    new Case(
                            "a ZWJ family weighs as one emoji",
                            "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67\u200D\uD83D\uDC66",
                            2,
                            true),
                    new Case(
                            "a skin tone and a ZWJ profession weigh as one emoji each",
                            "\uD83D\uDE4B\uD83C\uDFFD\uD83D\uDC68\u200D\uD83C\uDFA4",
                            4,
                            true),
                    new Case("a flag weighs as one emoji", "\uD83C\uDDEF\uD83C\uDDF5", 2, true),
                    new Case(
                            "an emoji with its presentation selector weighs 2",
                            "\u2764\uFE0F",
                            2,
                            true),
                    new Case(
                            "five emoji outside the basic plane",
                            "\uD83D\uDE37\uD83D\uDC7E\uD83D\uDE21\uD83D\uDD25\uD83D\uDCA9",
                            10,
                            true),
                    new Case("a combining accent is one character after NFC", "A\u0301B", 2, true),
                    new Case(
                            "dashes and curly quotes are light",
                            "\u2014\u2018\u2019\u201C\u201D",
                            5,
                            true),
                    new Case("280 Latin characters fill a tweet", "x".repeat(280), 280, true),
                    new Case("281 Latin characters overflow", "x".repeat(281), 281, false),
                    new Case("an empty tweet is refused", "", 0, false),
                    new Case("a byte-order mark is refused", "o\uFEFFk", 4, false));

    private TwitterTextCases() {}
}
