package org.socialsuite.testsupport.gateway;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Gateway API HTTPRoutes rendered as nginx locations, so that a test can put a real reverse proxy
 * where the Kubernetes gateway stands, configured from the very files deploy/ applies. It plays
 * what those files use and refuses anything else (an unknown match, filter or several backends),
 * rather than route differently from a conformant gateway:
 *
 * <ul>
 *   <li>{@code Exact} paths as {@code location =}; {@code PathPrefix} by path element, as {@code
 *       location = /p} and {@code location /p/} (nginx's prefixes are by character); the longest
 *       prefix wins in both;
 *   <li>{@code URLRewrite} with {@code ReplacePrefixMatch} or {@code ReplaceFullPath}, {@code
 *       RequestRedirect} to another scheme;
 *   <li>{@code timeouts.request} as the proxy's read timeout ({@code 0s}: none, for streams);
 *   <li>a rule without backends answers 500, as the specification requires.
 * </ul>
 */
public final class NginxRoutes {

    private static final String DEFAULT_TIMEOUT = "60s";

    private NginxRoutes() {}

    /**
     * The {@code server} block's locations for the routes attached to {@code listener}.
     *
     * @param backends Service name to the address (host:port) of the process standing for it
     */
    public static String locations(
            List<Map<String, Object>> documents, String listener, Map<String, String> backends) {
        Map<String, String> locations = new LinkedHashMap<>();
        for (Map<String, Object> route : documents) {
            if (!"HTTPRoute".equals(route.get("kind")) || !attachedTo(route, listener)) {
                continue;
            }
            String routeName = (String) map(route, "metadata").get("name");
            for (Map<String, Object> rule : list(map(route, "spec"), "rules")) {
                String body = body(rule, backends, routeName);
                List<Map<String, Object>> matches = list(rule, "matches");
                if (matches.isEmpty()) {
                    matches = List.of(Map.of("path", Map.of("type", "PathPrefix", "value", "/")));
                }
                for (Map<String, Object> match : matches) {
                    for (String location : locations(match, routeName)) {
                        if (locations.put(location, body) != null) {
                            throw new IllegalArgumentException(
                                    "Two rules claim " + location + " (route " + routeName + ")");
                        }
                    }
                }
            }
        }
        StringBuilder out = new StringBuilder();
        locations.forEach(
                (location, body) ->
                        out.append("    location ")
                                .append(location)
                                .append(" {\n")
                                .append(body)
                                .append("    }\n"));
        return out.toString();
    }

    private static boolean attachedTo(Map<String, Object> route, String listener) {
        return list(map(route, "spec"), "parentRefs").stream()
                .anyMatch(parent -> listener.equals(parent.get("sectionName")));
    }

    private static List<String> locations(Map<String, Object> match, String route) {
        if (match.keySet().stream().anyMatch(key -> !key.equals("path"))) {
            throw new IllegalArgumentException(
                    "Route " + route + ": only path matches are played here, not " + match);
        }
        Map<String, Object> path = map(match, "path");
        String value = (String) path.getOrDefault("value", "/");
        String type = (String) path.getOrDefault("type", "PathPrefix");
        return switch (type) {
            case "Exact" -> List.of("= " + value);
            case "PathPrefix" ->
                    value.equals("/")
                            ? List.of("/")
                            : List.of("= " + trimmed(value), trimmed(value) + "/");
            default ->
                    throw new IllegalArgumentException(
                            "Route " + route + ": path match " + type + " is not played here");
        };
    }

    private static String body(
            Map<String, Object> rule, Map<String, String> backends, String route) {
        StringBuilder body = new StringBuilder();
        for (Map<String, Object> filter : list(rule, "filters")) {
            String type = (String) filter.get("type");
            switch (type) {
                case "URLRewrite" ->
                        body.append(rewrite(map(map(filter, "urlRewrite"), "path"), rule));
                case "RequestRedirect" -> {
                    Map<String, Object> redirect = map(filter, "requestRedirect");
                    return "        return "
                            + redirect.getOrDefault("statusCode", 302)
                            + " "
                            + redirect.getOrDefault("scheme", "$scheme")
                            + "://$host$request_uri;\n";
                }
                default ->
                        throw new IllegalArgumentException(
                                "Route " + route + ": filter " + type + " is not played here");
            }
        }
        List<Map<String, Object>> backendRefs = list(rule, "backendRefs");
        if (backendRefs.isEmpty()) {
            return body.append("        return 500;\n").toString();
        }
        if (backendRefs.size() > 1) {
            throw new IllegalArgumentException(
                    "Route "
                            + route
                            + ": several backends (traffic splitting) are not played here");
        }
        String service = (String) backendRefs.get(0).get("name");
        String address =
                Objects.requireNonNull(
                        backends.get(service), "No process stands for Service " + service);
        String timeout = timeout(rule);
        return body.append("        proxy_pass http://")
                .append(address)
                .append(";\n")
                .append("        proxy_read_timeout ")
                .append(timeout)
                .append(";\n")
                .append("        proxy_send_timeout ")
                .append(timeout)
                .append(";\n")
                .toString();
    }

    private static String rewrite(Map<String, Object> path, Map<String, Object> rule) {
        String type = (String) path.get("type");
        if ("ReplaceFullPath".equals(type)) {
            return "        rewrite ^ " + path.get("replaceFullPath") + " break;\n";
        }
        if (!"ReplacePrefixMatch".equals(type)) {
            throw new IllegalArgumentException("URL rewrite " + type + " is not played here");
        }
        // The prefix is the rule's own (one PathPrefix match per rule that rewrites it).
        List<Map<String, Object>> matches = list(rule, "matches");
        if (matches.size() != 1) {
            throw new IllegalArgumentException("A prefix rewrite needs exactly one match: " + rule);
        }
        String prefix = trimmed((String) map(matches.get(0), "path").get("value"));
        return "        rewrite ^"
                + prefix
                + "(/.*)?$ "
                + trimmed((String) path.get("replacePrefixMatch"))
                + "$1 break;\n";
    }

    private static String timeout(Map<String, Object> rule) {
        Object request = map(rule, "timeouts").get("request");
        if (request == null) {
            return DEFAULT_TIMEOUT;
        }
        // Gateway API: a zero timeout means none; nginx needs a number, a day is as good.
        return "0s".equals(request) ? "1d" : request.toString();
    }

    private static String trimmed(String path) {
        return path.length() > 1 && path.endsWith("/")
                ? path.substring(0, path.length() - 1)
                : path;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        return value == null ? List.of() : (List<Map<String, Object>>) value;
    }
}
