-- What the widget shows about a consumer, per connected account: learnt from the hints events carry,
-- and (later) fetched from the network.
CREATE TABLE consumer_profile (
    id                    text PRIMARY KEY, -- accountId:consumerId, the conversation key
    account_id            text        NOT NULL,
    brand_id              text        NOT NULL,
    channel               text        NOT NULL,
    consumer_id           text        NOT NULL,
    name                  text,
    handle                text,
    image_url             text,
    bio                   text,
    locale                text,
    timezone_offset_hours numeric(4, 2),
    tweet_count           bigint,
    like_count            bigint,
    follower_count        bigint,
    following_count       bigint,
    learnt_at             timestamptz NOT NULL,
    fetched_at            timestamptz
);

-- The widget's lookup: a brand's view of one consumer on one channel.
CREATE INDEX consumer_profile_lookup ON consumer_profile (brand_id, channel, consumer_id);
