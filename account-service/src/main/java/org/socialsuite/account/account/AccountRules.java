package org.socialsuite.account.account;

import jakarta.ws.rs.BadRequestException;
import java.util.regex.Pattern;
import org.socialsuite.events.Channel;

/** What a connected account's fields must look like; refusals in the administrator's words. */
final class AccountRules {

    private static final Pattern NUMERIC_ID = Pattern.compile("[0-9]{1,32}");
    private static final Pattern HANDLE = Pattern.compile("[A-Za-z0-9_]{1,15}");
    private static final int MAX_NAME = 200;
    private static final int MAX_TOKEN = 4096;

    private AccountRules() {}

    static void check(ConnectAccount request) {
        if (request == null || request.channel() == null) {
            throw new BadRequestException("channel is required: FACEBOOK or TWITTER");
        }
        if (request.externalId() == null || !NUMERIC_ID.matcher(request.externalId()).matches()) {
            throw new BadRequestException(
                    "externalId is the page's (Facebook) or the account's (X) numeric id");
        }
        name("displayName", request.displayName(), true);
        names(request.channel(), request.pageName(), request.handle());
        token(request.accessToken(), true);
    }

    static void check(Channel channel, UpdateAccount request) {
        if (request == null) {
            throw new BadRequestException("Nothing to change");
        }
        name("displayName", request.displayName(), false);
        if (request.pageName() != null || request.handle() != null) {
            names(channel, request.pageName(), request.handle());
        }
        token(request.accessToken(), false);
    }

    /** A Facebook page has a page name (for m.me links), an X account a handle. */
    private static void names(Channel channel, String pageName, String handle) {
        if (channel == Channel.FACEBOOK) {
            name("pageName", pageName, true);
            if (handle != null) {
                throw new BadRequestException("A Facebook page has a pageName, not a handle");
            }
        } else {
            if (handle == null || !HANDLE.matcher(handle).matches()) {
                throw new BadRequestException(
                        "handle is the X @handle without the @: 1 to 15 letters, digits or _");
            }
            if (pageName != null) {
                throw new BadRequestException("An X account has a handle, not a pageName");
            }
        }
    }

    private static void name(String field, String value, boolean required) {
        if (value == null) {
            if (required) {
                throw new BadRequestException(field + " is required");
            }
            return;
        }
        if (value.isBlank()
                || value.length() > MAX_NAME
                || value.chars().anyMatch(Character::isISOControl)) {
            throw new BadRequestException(field + " is 1 to " + MAX_NAME + " printable characters");
        }
    }

    private static void token(String token, boolean required) {
        if (token == null) {
            if (required) {
                throw new BadRequestException("accessToken is required");
            }
            return;
        }
        if (token.isBlank()
                || token.length() > MAX_TOKEN
                || !token.chars().allMatch(c -> c > 32 && c < 127)) {
            throw new BadRequestException("accessToken is not a token");
        }
    }
}
