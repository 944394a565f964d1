package org.socialsuite.account.connect;

/**
 * What X's consent page sent the administrator back with, and the PKCE verifier the page that
 * opened it kept.
 */
public record XLogin(String code, String redirectUri, String codeVerifier) {

    @Override
    public String toString() {
        return "XLogin[" + redirectUri + "]";
    }
}
