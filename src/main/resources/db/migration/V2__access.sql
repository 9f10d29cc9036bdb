-- API tokens (only a hash of each secret is kept) and the audit log of every write.
CREATE TABLE api_token (
    id            VARCHAR(26)   NOT NULL PRIMARY KEY,
    name          VARCHAR(100)  NOT NULL,
    role          VARCHAR(10)   NOT NULL,
    secret_hash   VARCHAR(64)   NOT NULL,
    hint          VARCHAR(12)   NOT NULL,
    created_by    VARCHAR(200)  NOT NULL,
    created_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    expires_at    TIMESTAMP(6) WITH TIME ZONE,
    last_used_at  TIMESTAMP(6) WITH TIME ZONE,
    revoked_at    TIMESTAMP(6) WITH TIME ZONE,
    CONSTRAINT uq_api_token_secret UNIQUE (secret_hash)
);
CREATE INDEX ix_api_token_created_at ON api_token (created_at, id);

CREATE TABLE audit_entry (
    id           VARCHAR(26)   NOT NULL PRIMARY KEY,
    at           TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    actor        VARCHAR(200)  NOT NULL,
    actor_role   VARCHAR(10),
    kind         VARCHAR(30)   NOT NULL,
    record_id    VARCHAR(26)   NOT NULL,
    operation    VARCHAR(10)   NOT NULL,
    request_id   VARCHAR(100)  NOT NULL
);
CREATE INDEX ix_audit_at ON audit_entry (at, id);
CREATE INDEX ix_audit_actor ON audit_entry (actor, at);
CREATE INDEX ix_audit_kind ON audit_entry (kind, at);
CREATE INDEX ix_audit_record ON audit_entry (record_id, at);
CREATE INDEX ix_audit_operation ON audit_entry (operation, at);
CREATE INDEX ix_audit_request ON audit_entry (request_id);
