package org.socialsuite.support.accounts.configured;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.socialsuite.events.Channel;
import org.socialsuite.support.accounts.ConnectedAccount;

/**
 * The accounts of a configured registry ({@code social.accounts.*}, the demo registry locally):
 * account-service's seed, the simulated networks' world and the development sign-in's brands. The
 * services themselves know accounts from {@code social.account.v1} ({@code AccountRegistry}).
 */
@ApplicationScoped
public class ConfiguredAccounts {

    private final ConnectedAccountsConfig config;
    private final Map<String, ConnectedAccount> byId;
    private final Map<String, ConnectedAccount> byExternalId;

    public ConfiguredAccounts(ConnectedAccountsConfig config) {
        this.config = config;
        this.byId =
                config.accounts().entrySet().stream()
                        .map(entry -> toAccount(entry.getKey(), entry.getValue()))
                        .collect(
                                Collectors.toUnmodifiableMap(
                                        ConnectedAccount::accountId, Function.identity()));
        this.byExternalId =
                byId.values().stream()
                        .collect(
                                Collectors.toUnmodifiableMap(
                                        account ->
                                                ConnectedAccount.externalKey(
                                                        account.channel(), account.externalId()),
                                        Function.identity()));
    }

    public Optional<ConnectedAccount> byId(String accountId) {
        return Optional.ofNullable(byId.get(accountId));
    }

    public Optional<ConnectedAccount> byExternalId(Channel channel, String externalId) {
        return Optional.ofNullable(
                byExternalId.get(ConnectedAccount.externalKey(channel, externalId)));
    }

    public List<ConnectedAccount> all() {
        return List.copyOf(byId.values());
    }

    /** The account's configured credential; never log it. */
    public Optional<String> accessToken(String accountId) {
        return Optional.ofNullable(config.accounts().get(accountId))
                .map(ConnectedAccountsConfig.Account::accessToken);
    }

    /** What an administrator would have named it: the page's name, or the @handle. */
    public static String displayName(String id, ConnectedAccountsConfig.Account account) {
        return account.channel() == Channel.FACEBOOK
                ? account.pageName().orElse(id)
                : "@" + account.handle().orElse(id);
    }

    private static ConnectedAccount toAccount(String id, ConnectedAccountsConfig.Account account) {
        return new ConnectedAccount(
                id,
                account.brandId(),
                account.channel(),
                account.externalId(),
                displayName(id, account),
                account.pageName(),
                account.handle(),
                true,
                true);
    }
}
