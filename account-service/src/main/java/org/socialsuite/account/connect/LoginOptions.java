package org.socialsuite.account.connect;

/**
 * Where the workspace sends an administrator to log in to each network, with the app's public id
 * and what it asks for; the workspace adds its redirect, its state and (X) its PKCE challenge.
 */
public record LoginOptions(Option facebook, Option x) {

    public record Option(String url, String clientId, String scope) {}

    public static LoginOptions of(NetworkApps apps) {
        return new LoginOptions(
                new Option(
                        apps.facebook().loginUrl(),
                        apps.facebook().appId(),
                        apps.facebook().scope()),
                new Option(apps.x().authorizeUrl(), apps.x().clientId(), apps.x().scope()));
    }
}
