package org.socialsuite.account.connect;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.BadRequestException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.socialsuite.account.account.Account;
import org.socialsuite.account.account.Accounts;
import org.socialsuite.account.account.ConnectAccount;
import org.socialsuite.account.account.CredentialRenewal;
import org.socialsuite.events.Channel;

/**
 * Connecting follows the networks' own flows. Facebook: Login's code → a user token → a long-lived
 * one (so the page tokens do not expire) → the pages the administrator granted, each with its page
 * token → the app subscribed to each page's webhooks → the page connected (or, if the brand had it
 * already, its token renewed: this is also how an account that needs re-authorisation is mended).
 * X: the OAuth 2.0 code and PKCE verifier → the user's access token → who they are → the Account
 * Activity subscription → connected or renewed. The user tokens are used and forgotten; only page
 * and account tokens are kept, sealed.
 */
@ApplicationScoped
public class Connections {

    private static final Logger LOG = Logger.getLogger(Connections.class);
    private static final String WEBHOOK_FIELDS = "feed,messages,messaging_postbacks";

    private final FacebookGraph facebook;
    private final XApi x;
    private final NetworkApps apps;
    private final Accounts accounts;
    private final Clock clock;

    public Connections(
            @RestClient FacebookGraph facebook,
            @RestClient XApi x,
            NetworkApps apps,
            Accounts accounts,
            Clock clock) {
        this.facebook = facebook;
        this.x = x;
        this.apps = apps;
        this.accounts = accounts;
        this.clock = clock;
    }

    public Uni<List<Account>> facebook(String brandId, String code, String redirectUri) {
        require(code, "code");
        require(redirectUri, "redirectUri");
        return facebook.userToken(
                        apps.facebook().appId(), apps.facebook().appSecret(), redirectUri, code)
                .chain(
                        shortLived ->
                                facebook.longLivedUserToken(
                                        "fb_exchange_token",
                                        apps.facebook().appId(),
                                        apps.facebook().appSecret(),
                                        shortLived.accessToken()))
                .onFailure()
                .transform(failure -> refused("Facebook", "did not accept the login", failure))
                .chain(
                        user ->
                                facebook.pages(
                                        bearer(user.accessToken()), "id,name,access_token,tasks"))
                .onFailure()
                .transform(failure -> refused("Facebook", "did not list the pages", failure))
                .chain(
                        pages -> {
                            if (pages.data() == null || pages.data().isEmpty()) {
                                return Uni.createFrom()
                                        .failure(
                                                new BadRequestException(
                                                        "No page was granted in Facebook Login"));
                            }
                            return Multi.createFrom()
                                    .iterable(pages.data())
                                    .onItem()
                                    .transformToUniAndConcatenate(
                                            page -> connectPage(brandId, page))
                                    .collect()
                                    .asList();
                        });
    }

    public Uni<Account> x(String brandId, String code, String redirectUri, String codeVerifier) {
        require(code, "code");
        require(redirectUri, "redirectUri");
        require(codeVerifier, "codeVerifier");
        Instant asked = clock.instant();
        return x.userToken(clientBasic(), "authorization_code", code, redirectUri, codeVerifier)
                .onFailure()
                .transform(failure -> refused("X", "did not accept the authorisation", failure))
                .chain(
                        token ->
                                subscribedUser(token)
                                        .chain(
                                                user ->
                                                        accounts.authorised(
                                                                brandId,
                                                                xAccount(user, token),
                                                                renewal(token, asked))));
    }

    /** A new access token for the account's refresh token, which X replaces with a new one too. */
    public Uni<XApi.UserToken> renewX(String refreshToken) {
        return x.renewed(clientBasic(), "refresh_token", refreshToken);
    }

    /** When the token expires, counted from when it was asked for, and how to renew it. */
    static CredentialRenewal renewal(XApi.UserToken token, Instant asked) {
        return new CredentialRenewal(
                token.refreshToken(),
                token.expiresIn() == null ? null : asked.plusSeconds(token.expiresIn()));
    }

    /** Whose token it is, once the app's Account Activity webhook is subscribed to them. */
    private Uni<XApi.User> subscribedUser(XApi.UserToken token) {
        return x.me(bearer(token.accessToken()))
                .call(me -> x.subscribe(apps.x().webhookId(), bearer(token.accessToken()), "{}"))
                .map(XApi.Me::data)
                .onFailure()
                .transform(
                        failure ->
                                refused("X", "did not subscribe the account's activity", failure));
    }

    private static ConnectAccount xAccount(XApi.User user, XApi.UserToken token) {
        return new ConnectAccount(
                Channel.TWITTER,
                user.id(),
                "@" + user.username(),
                null,
                user.username(),
                true,
                true,
                token.accessToken());
    }

    private Uni<Account> connectPage(String brandId, FacebookGraph.Page page) {
        return facebook.subscribe(page.id(), bearer(page.accessToken()), WEBHOOK_FIELDS)
                .onFailure()
                .transform(
                        failure ->
                                refused(
                                        "Facebook",
                                        "did not subscribe the app to page " + page.name(),
                                        failure))
                .chain(
                        subscribed ->
                                accounts.authorised(
                                        brandId,
                                        new ConnectAccount(
                                                Channel.FACEBOOK,
                                                page.id(),
                                                page.name(),
                                                page.name(),
                                                null,
                                                true,
                                                true,
                                                page.accessToken()),
                                        CredentialRenewal.NONE));
    }

    private static LoginFailed refused(String network, String what, Throwable failure) {
        LoginFailed ours = LoginFailed.of(network, what, failure);
        if (ours != failure) {
            // The status only: the network's answer may hold what was sent, codes included.
            LOG.warnf("%s: %s", ours.getMessage(), failure.getClass().getSimpleName());
        }
        return ours;
    }

    private String clientBasic() {
        return "Basic "
                + Base64.getEncoder()
                        .encodeToString(
                                (apps.x().clientId() + ":" + apps.x().clientSecret())
                                        .getBytes(StandardCharsets.UTF_8));
    }

    private static String bearer(String token) {
        return "Bearer " + token;
    }

    private static void require(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new BadRequestException(name + " is required");
        }
    }
}
