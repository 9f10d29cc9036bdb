package org.eventregistry.access;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** A token as admins see it; {@code token} (the secret) is present only in the answer to its creation. */
@Schema(name = "Token", description = "An API token")
@JsonInclude(JsonInclude.Include.ALWAYS)
public record TokenView(
        @Schema(examples = "01JXD9A7M4K2P8R3T6V1W5X0YZ") String id,
        @Schema(examples = "partner: Belgrade Security Forum website") String name,
        @Schema(examples = "PARTNER") Role role,
        @Schema(description = "The first characters of the secret", examples = "reg_8f3Kq") String hint,
        @Schema(examples = "admin:bootstrap") String createdBy,
        @Schema(examples = "2026-11-26T10:00:00Z") Instant createdAt,
        @Schema(nullable = true) Instant expiresAt,
        @Schema(nullable = true) Instant lastUsedAt,
        @Schema(nullable = true) Instant revokedAt,
        @Schema(description = "ACTIVE, EXPIRED or REVOKED", examples = "ACTIVE", enumeration = {"ACTIVE", "EXPIRED", "REVOKED"}) String state,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "The secret, shown once: only in the response that creates the token",
                examples = "reg_8f3Kq0vQ1nH7sWmX2cYb9LzA4tR6eUjD5gPiN0oK") String token) {
}
