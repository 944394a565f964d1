package org.socialsuite.support.rules;

import java.text.Normalizer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Twitter/X's weighted length (PLATFORMS.md): after NFC normalisation, code points in the Latin and
 * common punctuation ranges weigh 1, everything else 2 (CJK, every emoji, joined sequences too),
 * and every URL counts 23.
 */
public final class TwitterText {

    public static final int MAX_WEIGHTED_LENGTH = 280;
    private static final int URL_WEIGHT = 23;
    private static final Pattern URL = Pattern.compile("https?://\\S+", Pattern.CASE_INSENSITIVE);

    private TwitterText() {}

    public static int weightedLength(String text) {
        String normalised = Normalizer.normalize(text, Normalizer.Form.NFC);
        Matcher urls = URL.matcher(normalised);
        int length = 0;
        int from = 0;
        while (urls.find()) {
            length += weightOf(normalised.substring(from, urls.start())) + URL_WEIGHT;
            from = urls.end();
        }
        return length + weightOf(normalised.substring(from));
    }

    private static int weightOf(String text) {
        return text.codePoints().map(TwitterText::weight).sum();
    }

    private static int weight(int codePoint) {
        boolean light =
                codePoint <= 0x10FF
                        || (codePoint >= 0x2000 && codePoint <= 0x200D)
                        || (codePoint >= 0x2010 && codePoint <= 0x201F)
                        || (codePoint >= 0x2032 && codePoint <= 0x2037);
        return light ? 1 : 2;
    }
}
