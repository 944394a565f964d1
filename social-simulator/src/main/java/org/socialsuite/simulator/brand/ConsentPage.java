package org.socialsuite.simulator.brand;

import java.util.Map;

/**
 * The page a network shows when an app asks for access: who is logged in, what the app wants, the
 * accounts to grant, and Continue / Cancel. Played in the simulator's own small markup; a browser
 * story clicks it as an administrator would.
 */
public final class ConsentPage {

    private ConsentPage() {}

    /**
     * Where a grant may send the browser back to: an absolute http(s) address, as the networks ask.
     */
    public static boolean redirectable(String redirectUri) {
        return redirectUri != null
                && (redirectUri.startsWith("http://") || redirectUri.startsWith("https://"));
    }

    /**
     * @param hidden the request's parameters carried to the grant
     * @param choices value → label of the accounts offered
     * @param many checkboxes (Facebook: pages) or one choice (X: the account logged in)
     */
    public static String render(
            String network,
            String appName,
            String wants,
            String grantPath,
            Map<String, String> hidden,
            String choiceName,
            Map<String, String> choices,
            boolean many,
            String cancelUrl) {
        StringBuilder html =
                new StringBuilder()
                        .append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                        .append("<title>")
                        .append(escape(network))
                        .append(
                                " — log in</title><link rel=\"icon\" href=\"/favicon.svg\""
                                        + " type=\"image/svg+xml\"><link rel=\"stylesheet\""
                                        + " href=\"/console.css\">")
                        .append("</head><body class=\"consent\"><main><h1>")
                        .append(escape(network))
                        .append("</h1><p><strong>")
                        .append(escape(appName))
                        .append("</strong> ")
                        .append(escape(wants))
                        .append("</p><form method=\"get\" action=\"")
                        .append(escape(grantPath))
                        .append("\">");
        hidden.forEach(
                (name, value) ->
                        html.append("<input type=\"hidden\" name=\"")
                                .append(escape(name))
                                .append("\" value=\"")
                                .append(escape(value == null ? "" : value))
                                .append("\">"));
        html.append("<fieldset>");
        boolean first = true;
        for (Map.Entry<String, String> choice : choices.entrySet()) {
            html.append("<label><input type=\"")
                    .append(many ? "checkbox" : "radio")
                    .append("\" name=\"")
                    .append(escape(choiceName))
                    .append("\" value=\"")
                    .append(escape(choice.getKey()))
                    .append("\"")
                    .append(!many && first ? " checked" : "")
                    .append("> ")
                    .append(escape(choice.getValue()))
                    .append("</label>");
            first = false;
        }
        return html.append("</fieldset><button id=\"continue\" type=\"submit\">Continue</button> ")
                .append("<a id=\"cancel\" href=\"")
                .append(escape(cancelUrl))
                .append("\">Cancel</a></form></main></body></html>")
                .toString();
    }

    public static String error(String network, String message) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
                + escape(network)
                + "</title><link rel=\"icon\" href=\"/favicon.svg\" type=\"image/svg+xml\">"
                + "</head><body><h1>"
                + escape(network)
                + "</h1><p role=\"alert\">"
                + escape(message)
                + "</p></body></html>";
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
