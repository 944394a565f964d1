package org.socialsuite.account.connect;

/**
 * What Facebook Login sent the administrator back with.
 *
 * @param code the one-time code, for the user token
 * @param redirectUri the page it was sent back to, exactly as the dialog was opened with
 */
public record FacebookLogin(String code, String redirectUri) {

    @Override
    public String toString() {
        return "FacebookLogin[" + redirectUri + "]";
    }
}
