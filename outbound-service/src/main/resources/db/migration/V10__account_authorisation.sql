-- Accounts whose token a network refused (Facebook 190, X 401), for every replica to see: the flag holds the sealed
-- credential that was refused, so it no longer applies once an administrator renews the token (a new one is
-- sealed), and a later successful send deletes it.
CREATE TABLE account_authorisation (
    account_id         text PRIMARY KEY,
    refused_credential text        NOT NULL,
    reason             text        NOT NULL,
    refused_at         timestamptz NOT NULL
);
