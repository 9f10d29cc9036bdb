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
        @Schema(description = "event, speaker, publication or lineup (a line-up is keyed by its event's id)", examples = "event",
                enumeration = {"event", "speaker", "publication", "lineup"}) String kind,
        @Schema(examples = "01JXD8ZK3Q4M9V6T2B7C5N1P0R") String id,
        @Schema(nullable = true, examples = "democracy-meets-strategy") String slug,
        @Schema(description = "CREATE when the public first sees the record (created published, or published later), UPDATE, "
                + "or DELETE when it leaves public view (deleted, or back to draft; a line-up left without places)",
                examples = "UPDATE", enumeration = {"CREATE", "UPDATE", "DELETE"}) String operation,
        @Schema(description = "The representation's revision: it grows with every change of this kind and id, including "
                + "changes to what it embeds (a renamed author, a new line-up place)", examples = "4") long version,
        @Schema(examples = "2026-11-26T10:15:30.123456Z") Instant at,
        @JsonRawValue
        @Schema(type = SchemaType.OBJECT, nullable = true,
                description = "The record as the API returns it publicly: an object (event, speaker, publication), an array "
                        + "(a line-up's places, at most 500), or null for a DELETE")
        String record) {
}
