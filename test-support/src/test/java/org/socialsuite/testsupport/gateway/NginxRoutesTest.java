package org.socialsuite.testsupport.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

class NginxRoutesTest {

    private static final Map<String, String> BACKENDS = Map.of("app", "127.0.0.1:9001");

    @Test
    void aPathPrefixMatchesByPathElementAndTheLongestWins() {
        String locations =
                renderRules(
                        """
                        - matches: [{path: {type: PathPrefix, value: /api/things/}}]
                          timeouts: {request: 0s}
                          backendRefs: [{name: app, port: 80}]
                        - matches: [{path: {type: PathPrefix, value: /}}]
                          backendRefs: [{name: app, port: 80}]
                        """);

        assertThat(locations)
                .contains("location = /api/things {", "location /api/things/ {", "location / {")
                .contains("proxy_pass http://127.0.0.1:9001;")
                .contains("proxy_read_timeout 1d;")
                .doesNotContain("location /api/things {");
    }

    @Test
    void aPrefixRewriteKeepsTheRestOfThePathAndARuleWithoutBackendsAnswers500() {
        String locations =
                renderRules(
                        """
                        - matches: [{path: {type: PathPrefix, value: /q}}]
                          filters:
                            - type: URLRewrite
                              urlRewrite: {path: {type: ReplacePrefixMatch, replacePrefixMatch: /hidden}}
                          backendRefs: [{name: app, port: 80}]
                        - matches: [{path: {type: Exact, value: /nothing}}]
                        """);

        assertThat(locations)
                .contains("rewrite ^/q(/.*)?$ /hidden$1 break;")
                .contains("location = /nothing {\n        return 500;");
    }

    @Test
    void onlyTheRoutesOfTheListenerAreServedAndARedirectAnswersAtOnce() {
        String routes =
                """
                kind: HTTPRoute
                metadata: {name: redirect}
                spec:
                  parentRefs: [{name: gw, sectionName: http}]
                  rules:
                    - filters:
                        - type: RequestRedirect
                          requestRedirect: {scheme: https, statusCode: 301}
                """;

        assertThat(render(routes)).isEmpty();
        assertThat(NginxRoutes.locations(documents(routes), "http", BACKENDS))
                .contains("location / {\n        return 301 https://$host$request_uri;");
    }

    @Test
    void whatItCannotPlayIsRefusedRatherThanRoutedDifferently() {
        assertThatThrownBy(
                        () ->
                                renderRules(
                                        """
                                        - matches: [{headers: [{name: x, value: y}]}]
                                          backendRefs: [{name: app, port: 80}]
                                        """))
                .hasMessageContaining("only path matches");
        assertThatThrownBy(
                        () ->
                                renderRules(
                                        """
                                        - backendRefs: [{name: app, port: 80}, {name: other, port: 80}]
                                        """))
                .hasMessageContaining("several backends");
        assertThatThrownBy(
                        () ->
                                renderRules(
                                        """
                                        - backendRefs: [{name: app, port: 80}]
                                        - matches: [{path: {type: PathPrefix, value: /}}]
                                          backendRefs: [{name: app, port: 80}]
                                        """))
                .hasMessageContaining("Two rules claim /");
    }

    private static String render(String yaml) {
        return NginxRoutes.locations(documents(yaml), "https", BACKENDS);
    }

    /** One route, named app, on the https listener, with these rules. */
    private static String renderRules(String rules) {
        return render(
                """
                kind: HTTPRoute
                metadata: {name: app}
                spec:
                  parentRefs: [{name: gw, sectionName: https}]
                  rules:
                """
                        + rules.indent(4));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> documents(String yaml) {
        return List.of((Map<String, Object>) new Yaml(new LoaderOptions()).load(yaml));
    }
}
