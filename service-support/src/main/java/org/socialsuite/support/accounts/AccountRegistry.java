package org.socialsuite.support.accounts;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.socialsuite.events.Channel;

/** Looks connected accounts up by our id or by their id on the network. */
@ApplicationScoped
public class AccountRegistry {

    private final ConnectedAccountsConfig config;
    private final Map<String, ConnectedAccount> byId;
    private final Map<String, ConnectedAccount> byExternalId;

    public AccountRegistry(ConnectedAccountsConfig config) {
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
                                                externalKey(
                                                        account.channel(), account.externalId()),
                                        Function.identity()));
    }

    public Optional<ConnectedAccount> byId(String accountId) {
        return Optional.ofNullable(byId.get(accountId));
    }

    /** The account a webhook is for: Facebook {@code entry[].id}, Twitter {@code for_user_id}. */
    public Optional<ConnectedAccount> byExternalId(Channel channel, String externalId) {
        return Optional.ofNullable(byExternalId.get(externalKey(channel, externalId)));
    }

    public List<ConnectedAccount> all() {
        return List.copyOf(byId.values());
    }

    /** The account's sending credential; never log it. */
    public Optional<String> accessToken(String accountId) {
        return Optional.ofNullable(config.accounts().get(accountId))
                .map(ConnectedAccountsConfig.Account::accessToken);
    }

    private static ConnectedAccount toAccount(String id, ConnectedAccountsConfig.Account account) {
        return new ConnectedAccount(
                id,
                account.brandId(),
                account.channel(),
                account.externalId(),
                account.pageName(),
                account.handle());
    }

    private static String externalKey(Channel channel, String externalId) {
        return channel + ":" + externalId;
    }
}
