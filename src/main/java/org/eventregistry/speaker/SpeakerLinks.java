package org.eventregistry.speaker;

import com.fasterxml.jackson.annotation.JsonIgnore;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eventregistry.platform.validation.HttpUrl;

import java.util.List;

/** A speaker's links: website, ORCID iD and social or institutional profiles. */
@Schema(name = "SpeakerLinks", description = "Where to find the speaker elsewhere")
public record SpeakerLinks(
        @Schema(nullable = true, maxLength = 2000, format = "uri", examples = "https://www.cirsd.org/en/people/vuk-jeremic") @HttpUrl String website,
        @Schema(nullable = true, maxLength = 40, pattern = "^(https?://orcid\\.org/)?[0-9]{4}-[0-9]{4}-[0-9]{4}-[0-9]{3}[0-9X]$", description = "ORCID iD; the https://orcid.org/ form is accepted", examples = "0000-0002-1825-0097") @Orcid String orcid,
        @Schema(nullable = true, description = "Profile URLs (social networks, institutional pages), at most 10",
                examples = "[\"https://x.com/VukJeremic\"]")
        @Size(max = 10) List<@NotNull @HttpUrl String> profiles) {

    @JsonIgnore
    @Schema(hidden = true)
    boolean isEmpty() {
        return website == null && orcid == null && (profiles == null || profiles.isEmpty());
    }
}
