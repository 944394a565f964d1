package org.socialsuite.conversation.privacy;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithParentName;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What personal data looks like for each brand: {@code conversation.personal-data.<brand>.*}, with
 * {@code default} for every brand without its own setting.
 */
@ConfigMapping(prefix = "conversation.personal-data")
public interface PersonalDataSettings {

    @WithParentName
    Map<String, Brand> brands();

    interface Brand {
        /**
         * The regions (ISO 3166 codes) whose national phone formats the brand's consumers write; a
         * number in international form (+49 …) is found whatever the list.
         */
        Optional<List<String>> phoneRegions();

        /** A regular expression for the brand's order numbers (they differ from brand to brand). */
        Optional<String> orderNumber();
    }
}
