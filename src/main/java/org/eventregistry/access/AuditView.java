package org.eventregistry.access;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** An audit entry as the API returns it. */
@Schema(name = "AuditEntry", description = "One write recorded in the audit log")
public record AuditView(
        @Schema(examples = "01JXDA1B2C3D4E5F6G7H8J9K0M") String id,
        @Schema(examples = "2026-11-26T10:15:30.123456Z") Instant at,
        @Schema(description = "Token name (token:...), JWT subject (jwt:...), admin:config or system:...", examples = "token:Press office")
        String actor,
        @Schema(nullable = true, examples = "STAFF") Role actorRole,
        @Schema(examples = "event") String kind,
        @Schema(examples = "01JXD8ZK3Q4M9V6T2B7C5N1P0R") String recordId,
        @Schema(examples = "UPDATE") AuditEntry.Operation operation,
        @Schema(description = "X-Request-Id of the request that made the write", examples = "6c0e3d4a-1f2b-4c5d-8e9f-0a1b2c3d4e5f")
        String requestId) {

    static AuditView of(AuditEntry e) {
        return new AuditView(e.id, e.at, e.actor, e.actorRole, e.kind, e.recordId, e.operation, e.requestId);
    }
}
