package org.eventregistry.access;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;

/** One write: who made it, to what, when, and in which request. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry extends PanacheEntityBase {

    /** What a write did to its record. */
    public enum Operation {
        CREATE, UPDATE, DELETE, REVOKE
    }

    @Id
    @Column(length = 26)
    public String id;

    @Column(nullable = false)
    public Instant at;

    @Column(nullable = false, length = 200)
    public String actor;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "actor_role", length = 10)
    public Role actorRole;

    @Column(nullable = false, length = 30)
    public String kind;

    @Column(name = "record_id", nullable = false, length = 26)
    public String recordId;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 10)
    public Operation operation;

    @Column(name = "request_id", nullable = false, length = 100)
    public String requestId;
}
