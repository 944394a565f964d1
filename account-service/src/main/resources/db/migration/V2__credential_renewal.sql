-- X's OAuth 2.0 access tokens last two hours. The refresh token (sealed like the credential, and used once: X
-- rotates it) renews the credential before it expires. A replica claims an account for its renewal until
-- renewal_claimed_until, so two replicas never spend the same refresh token.
ALTER TABLE account
    ADD COLUMN refresh_credential    text,
    ADD COLUMN credential_expires_at timestamptz,
    ADD COLUMN renewal_claimed_until timestamptz;
CREATE INDEX account_renewal_due ON account (credential_expires_at) WHERE refresh_credential IS NOT NULL;
