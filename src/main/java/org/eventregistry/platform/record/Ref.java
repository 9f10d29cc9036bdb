package org.eventregistry.platform.record;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;

import org.eventregistry.platform.text.Ids;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A reference to another record in a request body: its id or slug as a string, or an object with an
 * {@code id} or {@code slug} (so the embedded records of a fetched body can be sent back as they are).
 */
@Schema(name = "Ref", type = SchemaType.STRING, maxLength = 120, pattern = "^([0-9A-HJKMNP-TV-Z]{26}|[a-z0-9]+(-[a-z0-9]+)*)$",
        description = "Id or slug of a record", examples = "stefan-jovanovic")
@JsonIgnoreProperties(ignoreUnknown = true)
public record Ref(String id, String slug) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Ref of(String ref) {
        return Ids.looksLikeId(ref) ? new Ref(ref, null) : new Ref(null, ref);
    }

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public Ref {
    }

    /** The id if given, else the slug: what a repository's findByRef takes. */
    public String value() {
        return id != null ? id : slug;
    }
}
