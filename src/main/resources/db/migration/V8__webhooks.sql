-- Webhook subscriptions: where partners want changes pushed, and how far delivery has read the change log.
-- cursor_seq is the last change_log seq turned into deliveries; it moves in the same transaction that
-- stores those deliveries, so a crash loses nothing. lease_owner/lease_until make one instance at a time
-- deliver a subscription (taken with an UPDATE that only succeeds when the lease is free or expired).
CREATE TABLE webhook (
    id                     VARCHAR(26)    NOT NULL PRIMARY KEY,
    owner                  VARCHAR(200)   NOT NULL,
    url                    VARCHAR(2000)  NOT NULL,
    types                  VARCHAR(1000)  NOT NULL,
    topics                 VARCHAR(2000),
    series                 VARCHAR(2000),
    description            VARCHAR(500),
    active                 BOOLEAN        NOT NULL,
    paused_reason          VARCHAR(1000),
    paused_at              TIMESTAMP(6) WITH TIME ZONE,
    secret                 VARCHAR(100)   NOT NULL,
    previous_secret        VARCHAR(100),
    previous_secret_until  TIMESTAMP(6) WITH TIME ZONE,
    cursor_seq             BIGINT         NOT NULL,
    lease_owner            VARCHAR(100),
    lease_until            TIMESTAMP(6) WITH TIME ZONE,
    created_by             VARCHAR(200)   NOT NULL,
    created_at             TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at             TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    version                BIGINT         NOT NULL
);
CREATE INDEX ix_webhook_owner ON webhook (owner, created_at, id);
CREATE INDEX ix_webhook_created ON webhook (created_at, id);

-- One message to one subscription and its attempts. message_id is the webhook-id header: the same on every
-- attempt and on a redelivery. queue_position orders a subscription's deliveries (changes in commit order).
CREATE SEQUENCE webhook_delivery_position;
CREATE TABLE webhook_delivery (
    id                VARCHAR(26)    NOT NULL PRIMARY KEY,
    webhook_id        VARCHAR(26)    NOT NULL,
    message_id        VARCHAR(40)    NOT NULL,
    queue_position    BIGINT         NOT NULL,
    change_seq        BIGINT,
    type              VARCHAR(40)    NOT NULL,
    payload           VARCHAR(1000000) NOT NULL,
    status            VARCHAR(12)    NOT NULL,
    attempts          INTEGER        NOT NULL,
    response_code     INTEGER,
    latency_ms        BIGINT,
    error             VARCHAR(1000),
    created_at        TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    first_attempt_at  TIMESTAMP(6) WITH TIME ZONE,
    last_attempt_at   TIMESTAMP(6) WITH TIME ZONE,
    next_attempt_at   TIMESTAMP(6) WITH TIME ZONE,
    finished_at       TIMESTAMP(6) WITH TIME ZONE,
    CONSTRAINT fk_webhook_delivery_webhook FOREIGN KEY (webhook_id) REFERENCES webhook (id) ON DELETE CASCADE
);
CREATE INDEX ix_webhook_delivery_queue ON webhook_delivery (webhook_id, status, queue_position);
CREATE INDEX ix_webhook_delivery_list ON webhook_delivery (webhook_id, created_at, id);
CREATE INDEX ix_webhook_delivery_finished ON webhook_delivery (finished_at);
