package org.socialsuite.conversation.queue;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithParentName;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.socialsuite.events.Channel;
import org.socialsuite.events.Visibility;

/**
 * The brands' response-time targets, from configuration: {@code
 * conversation.response-targets.<brand>.<key>.first} (and {@code .next}, which defaults to the
 * first), where the key is a visibility ({@code public}, {@code private}) or a channel and a
 * visibility ({@code twitter-public}); {@code default} stands for every brand without its own. The
 * most specific target wins: the brand's channel, the brand's visibility, then the defaults'.
 */
@ApplicationScoped
public class ResponseTargets {

    static final String DEFAULT = "default";

    @ConfigMapping(prefix = "conversation.response-targets")
    public interface Settings {
        @WithParentName
        Map<String, Map<String, Target>> brands();

        interface Target {
            Duration first();

            /** Defaults to the first-response target. */
            Optional<Duration> next();
        }
    }

    private final Map<String, Map<String, Settings.Target>> brands;

    public ResponseTargets(Settings settings) {
        this.brands = settings.brands();
        for (Visibility visibility : Visibility.values()) {
            if (find(DEFAULT, key(null, visibility)).isEmpty()) {
                throw new IllegalStateException(
                        "conversation.response-targets.default."
                                + key(null, visibility)
                                + ".first must be set: every brand needs a target");
            }
        }
    }

    public ResponseTarget of(String brandId, Channel channel, Visibility visibility) {
        Settings.Target target =
                Stream.of(
                                find(brandId, key(channel, visibility)),
                                find(brandId, key(null, visibility)),
                                find(DEFAULT, key(channel, visibility)),
                                find(DEFAULT, key(null, visibility)))
                        .flatMap(Optional::stream)
                        .findFirst()
                        .orElseThrow();
        return new ResponseTarget(target.first(), target.next().orElse(target.first()));
    }

    private Optional<Settings.Target> find(String brand, String key) {
        return Optional.ofNullable(brands.get(brand)).map(targets -> targets.get(key));
    }

    private static String key(Channel channel, Visibility visibility) {
        String name = visibility.name().toLowerCase(Locale.ROOT);
        return channel == null ? name : channel.name().toLowerCase(Locale.ROOT) + "-" + name;
    }
}
