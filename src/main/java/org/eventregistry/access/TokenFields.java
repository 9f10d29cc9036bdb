package org.eventregistry.access;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;

/** What an admin sends to create a token. */
@Schema(name = "TokenFields", description = "A new API token")
public record TokenFields(
        @Schema(required = true, description = "Who or what the token is for", examples = "partner: Belgrade Security Forum website")
        @NotBlank @Size(max = 100) String name,
        @Schema(required = true, examples = "PARTNER") @NotNull Role role,
        @Schema(description = "When the token stops working; never when absent", examples = "2027-06-30T00:00:00Z")
        OffsetDateTime expiresAt) {
}
