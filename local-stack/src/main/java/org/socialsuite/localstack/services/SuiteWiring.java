package org.socialsuite.localstack.services;

import java.util.HashMap;
import java.util.Map;

/**
 * How the run command wires the suite together, wherever the user moved its ports: the simulator's
 * webhooks go to ingest, the workspace's gateway routes to the services, and the services call the
 * networks at the simulator, unless the user names other addresses (a sandbox, a recording
 * stand-in), which are honoured. The end-to-end suite starts its services with this same wiring.
 */
public final class SuiteWiring {

    private SuiteWiring() {}

    /** The environment every service gets, from the user's (ports and network addresses). */
    public static Map<String, String> addresses(Map<String, String> env) {
        String simulator = local("social-simulator", env);
        Map<String, String> addresses = new HashMap<>();
        addresses.put(
                "SOCIAL_FACEBOOK_GRAPH_URL",
                env.getOrDefault("SOCIAL_FACEBOOK_GRAPH_URL", simulator + "/facebook"));
        addresses.put(
                "SOCIAL_TWITTER_API_URL",
                env.getOrDefault("SOCIAL_TWITTER_API_URL", simulator + "/twitter"));
        // The networks' login pages, where the workspace sends an administrator to connect.
        addresses.put(
                "SOCIAL_FACEBOOK_LOGIN_URL",
                env.getOrDefault(
                        "SOCIAL_FACEBOOK_LOGIN_URL", simulator + "/facebook/dialog/oauth"));
        addresses.put(
                "SOCIAL_TWITTER_AUTHORIZE_URL",
                env.getOrDefault(
                        "SOCIAL_TWITTER_AUTHORIZE_URL", simulator + "/twitter/i/oauth2/authorize"));
        addresses.put("SIMULATOR_INGEST_URL", local("ingest-service", env));
        addresses.put("INGEST_SERVICE_URL", local("ingest-service", env));
        addresses.put("CONVERSATION_SERVICE_URL", local("conversation-service", env));
        addresses.put("OUTBOUND_SERVICE_URL", local("outbound-service", env));
        addresses.put("PROFILE_SERVICE_URL", local("profile-service", env));
        addresses.put("ACCOUNT_SERVICE_URL", local("account-service", env));
        addresses.put("INSIGHT_SERVICE_URL", local("insight-service", env));
        addresses.put(
                "SIMULATOR_SCENARIO_ENABLED",
                env.getOrDefault("SIMULATOR_SCENARIO_ENABLED", "false"));
        return addresses;
    }

    private static String local(String service, Map<String, String> env) {
        return "http://127.0.0.1:" + SuiteService.named(service).port(env);
    }
}
