package org.socialsuite.simulator.brand;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.socialsuite.events.Channel;
import org.socialsuite.simulator.SimulatorConfig;
import org.socialsuite.support.accounts.ConnectedAccount;
import org.socialsuite.support.accounts.configured.ConfiguredAccounts;

/**
 * The brands' pages and X accounts as the networks know them, and what an app may do with them: the
 * tokens the networks issued (the configured ones, and those minted when an administrator logs in),
 * which pages and users the app is subscribed to (it gets their webhooks only then), and the
 * one-time codes of the login dialogs. The demo registry's accounts are there, subscribed, from the
 * start; {@code simulator.unconnected.*} exist on the networks but wait to be connected.
 */
@ApplicationScoped
public class BrandAccounts {

    private final SecureRandom random = new SecureRandom();
    private final Map<String, ConnectedAccount> accounts = new ConcurrentHashMap<>();

    /** token → the page or user (external key) it acts for */
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    private final Set<String> subscribed = ConcurrentHashMap.newKeySet();
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();

    /** X refresh token (each used once) → the user it renews the token of */
    private final Map<String, String> refreshTokens = new ConcurrentHashMap<>();

    /** Facebook user token → the pages the user granted */
    private final Map<String, List<String>> userGrants = new ConcurrentHashMap<>();

    public BrandAccounts(ConfiguredAccounts configured, SimulatorConfig config) {
        for (ConnectedAccount account : configured.all()) {
            String key = key(account.channel(), account.externalId());
            accounts.put(key, account);
            configured.accessToken(account.accountId()).ifPresent(token -> tokens.put(token, key));
            subscribed.add(key);
        }
        config.unconnected()
                .forEach(
                        (id, account) ->
                                accounts.put(
                                        key(account.channel(), account.externalId()),
                                        new ConnectedAccount(
                                                id,
                                                "",
                                                account.channel(),
                                                account.externalId(),
                                                account.pageName()
                                                        .or(() -> account.handle())
                                                        .orElse(id),
                                                account.pageName(),
                                                account.handle(),
                                                true,
                                                true)));
    }

    /** The pages (Facebook) or users (X) of brands on one network, by id. */
    public List<ConnectedAccount> on(Channel channel) {
        return accounts.values().stream()
                .filter(account -> account.channel() == channel)
                .sorted(Comparator.comparing(ConnectedAccount::externalId))
                .toList();
    }

    public Optional<ConnectedAccount> byExternalId(Channel channel, String externalId) {
        return Optional.ofNullable(accounts.get(key(channel, externalId)));
    }

    /** Whether {@code Authorization: Bearer <token>} acts for this page or user. */
    public boolean authorises(Channel channel, String externalId, String bearer) {
        return actingFor(bearer).filter(key(channel, externalId)::equals).isPresent();
    }

    /** The page or user a bearer token acts for. */
    public Optional<ConnectedAccount> authorised(Channel channel, String bearer) {
        return actingFor(bearer).map(accounts::get).filter(account -> account.channel() == channel);
    }

    public boolean subscribed(Channel channel, String externalId) {
        return subscribed.contains(key(channel, externalId));
    }

    public void subscribe(Channel channel, String externalId) {
        subscribed.add(key(channel, externalId));
    }

    // Facebook Login: dialog → code → user token → the granted pages, each with a page token.

    public String facebookCode(List<String> pageIds, String redirectUri) {
        return code(new Grant(Channel.FACEBOOK, pageIds, redirectUri, null));
    }

    /** The user token for a dialog's code: once, and for the redirect it was issued for. */
    public Optional<String> facebookUserToken(String code, String redirectUri) {
        return redeem(code, Channel.FACEBOOK, redirectUri)
                .map(
                        grant -> {
                            String userToken = "EAAB" + secret();
                            userGrants.put(userToken, grant.externalIds());
                            return userToken;
                        });
    }

    /** A long-lived user token for a short-lived one, with the same grants. */
    public Optional<String> facebookLongLivedToken(String shortLived) {
        return Optional.ofNullable(shortLived)
                .map(userGrants::get)
                .map(
                        pageIds -> {
                            String longLived = "EAAB" + secret();
                            userGrants.put(longLived, pageIds);
                            return longLived;
                        });
    }

    /** The pages a user token was granted, each with a page token minted for this call. */
    public Optional<List<PageToken>> managedPages(String bearer) {
        return Optional.ofNullable(bearer)
                .map(BrandAccounts::tokenOf)
                .map(userGrants::get)
                .map(
                        pageIds ->
                                pageIds.stream()
                                        .map(id -> accounts.get(key(Channel.FACEBOOK, id)))
                                        .map(page -> new PageToken(page, mint(page)))
                                        .toList());
    }

    // X OAuth 2.0 authorization code with PKCE.

    public String xCode(String userId, String redirectUri, String codeChallenge) {
        return code(new Grant(Channel.TWITTER, List.of(userId), redirectUri, codeChallenge));
    }

    /**
     * A user access token and a refresh token for the code, if the verifier hashes to the challenge
     * (S256).
     */
    public Optional<UserTokens> xUserTokens(String code, String redirectUri, String codeVerifier) {
        return redeem(code, Channel.TWITTER, redirectUri)
                .filter(grant -> codeVerifier != null)
                .filter(grant -> grant.codeChallenge().equals(s256(codeVerifier)))
                .map(
                        grant ->
                                xTokensFor(
                                        accounts.get(
                                                key(Channel.TWITTER, grant.externalIds().get(0)))));
    }

    /** New tokens for a refresh token, which is spent: X rotates it. */
    public Optional<UserTokens> xRenewed(String refreshToken) {
        return Optional.ofNullable(refreshToken == null ? null : refreshTokens.remove(refreshToken))
                .map(accounts::get)
                .map(this::xTokensFor);
    }

    private UserTokens xTokensFor(ConnectedAccount user) {
        String refresh = "x-refresh-" + secret();
        refreshTokens.put(refresh, key(Channel.TWITTER, user.externalId()));
        return new UserTokens(mint(user), refresh);
    }

    private String mint(ConnectedAccount account) {
        String token = (account.channel() == Channel.FACEBOOK ? "EAAG" : "x-user-") + secret();
        tokens.put(token, key(account.channel(), account.externalId()));
        return token;
    }

    private String code(Grant grant) {
        String code = secret();
        codes.put(code, grant);
        return code;
    }

    private Optional<Grant> redeem(String code, Channel channel, String redirectUri) {
        return Optional.ofNullable(code == null ? null : codes.remove(code))
                .filter(grant -> grant.channel() == channel)
                .filter(grant -> grant.redirectUri().equals(redirectUri));
    }

    private Optional<String> actingFor(String bearer) {
        return Optional.ofNullable(bearer).map(BrandAccounts::tokenOf).map(tokens::get);
    }

    private static String tokenOf(String bearer) {
        return bearer.startsWith("Bearer ") ? bearer.substring("Bearer ".length()) : bearer;
    }

    private String secret() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String s256(String verifier) {
        try {
            byte[] hash =
                    MessageDigest.getInstance("SHA-256")
                            .digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String key(Channel channel, String externalId) {
        return ConnectedAccount.externalKey(channel, externalId);
    }

    /** What X's token endpoint hands out. */
    public record UserTokens(String accessToken, String refreshToken) {}

    /** A page the user granted, with a page token for it. */
    public record PageToken(ConnectedAccount page, String accessToken) {}

    private record Grant(
            Channel channel, List<String> externalIds, String redirectUri, String codeChallenge) {}
}
