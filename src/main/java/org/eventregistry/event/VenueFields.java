package org.eventregistry.event;

import com.fasterxml.jackson.annotation.JsonIgnore;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eventregistry.platform.validation.CountryCode;

/** The venue of an event as the API reads and writes it. */
@Schema(name = "Venue", description = "Where an event takes place")
public record VenueFields(
        @Schema(nullable = true, examples = "Palace of Serbia") @Size(max = 200) String name,
        @Schema(nullable = true, examples = "Bulevar Mihajla Pupina 2") @Size(max = 300) String address,
        @Schema(nullable = true, examples = "Belgrade") @Size(max = 100) String city,
        @Schema(nullable = true, maxLength = 2, description = "ISO 3166-1 alpha-2 code", examples = "RS", pattern = "^[A-Z]{2}$") @CountryCode String country) {

    @JsonIgnore
    @Schema(hidden = true)
    boolean isEmpty() {
        return name == null && address == null && city == null && country == null;
    }
}
