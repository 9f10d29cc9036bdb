package org.eventregistry.change;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** One entry of the public change stream: a record created or updated (with its representation), or a tombstone. */
@Schema(name = "Change", description = "A create, update or delete of an event, speaker, publication or line-up")
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Change(
        @Schema(description = "event, speaker, publication or lineup (a line-up is keyed by its event's id)", examples = "event") String kind,
        @Schema(examples = "01JXD8ZK3Q4M9V6T2B7C5N1P0R") String id,
        @Schema(nullable = true, examples = "democracy-meets-strategy") String slug,
        @Schema(description = "CREATE, UPDATE or DELETE; a record that left public view (back to draft) shows as DELETE",
                examples = "UPDATE") String operation,
        @Schema(examples = "4") long version,
        @Schema(examples = "2026-11-26T10:15:30.123456Z") Instant at,
        @JsonRawValue
        @Schema(type = SchemaType.OBJECT, nullable = true,
                description = "The record as the API returns it publicly (a line-up: its array of places); null for a DELETE")
        String record) {
}
