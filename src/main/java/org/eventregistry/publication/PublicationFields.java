package org.eventregistry.publication;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eventregistry.platform.validation.HttpUrl;
import org.eventregistry.platform.validation.LanguageTag;
import org.eventregistry.platform.record.PublicationStatus;
import org.eventregistry.platform.record.Ref;
import org.eventregistry.platform.text.Slugs;

import java.util.List;
import java.util.Set;

/**
 * The writable fields of a publication, as sent to POST and PUT (and produced by applying a PATCH).
 * Authors and related events are references (id, slug, or the embedded objects of a fetched body).
 */
@Schema(name = "PublicationFields", description = "The writable fields of a publication")
@JsonIgnoreProperties(value = {"id", "createdAt", "updatedAt", "version"}, allowGetters = false)
public record PublicationFields(
        @Schema(description = "URL-safe name, unique among publications; derived from the title when absent", examples = "cybersecurity-treaties")
        @Size(max = Slugs.MAX_LENGTH) @Pattern(regexp = Slugs.PATTERN, message = "must be lower-case letters and digits separated by single dashes")
        String slug,
        @Schema(required = true, examples = "ESSAY") @NotNull PublicationType type,
        @Schema(required = true, examples = "Cybersecurity treaties may be nice, but it’s really every country for itself")
        @NotBlank @Size(max = 500) String title,
        @Size(max = 500) String subtitle,
        @JsonProperty("abstract")
        @Schema(description = "HTML, sanitised to an allow-list",
                examples = "<p>Why the Cold War analogy for cyber arms control is flawed.</p>")
        @Size(max = 20_000) String summary,
        @Schema(description = "Full text as HTML, sanitised to an allow-list") @Size(max = 500_000) String body,
        @Schema(description = "A year, a month or a day: 2015, 2015-10 or 2015-10-05", examples = "2015-10-05")
        @Size(max = 10) String publishedOn,
        @Valid Periodical periodical,
        @Schema(examples = "Center for International Relations and Sustainable Development") @Size(max = 200) String publisher,
        @Schema(description = "Stored lower-case, without a resolver prefix", examples = "10.1000/xyz123") @Size(max = 200) @Doi String doi,
        @Schema(description = "ISBN-10 or ISBN-13; stored as 13 digits", examples = "978-86-88933-00-9") @Size(max = 20) @Isbn String isbn,
        @Schema(examples = "https://www.cirsd.org/en/horizons") @HttpUrl String url,
        @HttpUrl String imageUrl,
        @Schema(description = "BCP 47 language tag", examples = "en") @LanguageTag String language,
        @Schema(description = "Tags, at most 20", examples = "[\"Cybersecurity\", \"Arms control\"]")
        @Size(max = 20) List<@NotBlank @Size(max = 60) String> topics,
        @Schema(description = "PUBLISHED when created without it; a replace without it keeps the current status",
                examples = "PUBLISHED") PublicationStatus publicationStatus,
        @Schema(description = "Speakers who wrote it, in order (ids or slugs), at most 50", examples = "[\"robert-s-litwak\", \"meg-king\"]")
        @Size(max = 50) List<@NotNull Ref> authors,
        @Schema(description = "Events it came out of or reports on (ids or slugs), at most 50", examples = "[\"cyber-arms-control-roundtable\"]")
        @Size(max = 50) List<@NotNull Ref> relatedEvents) {

    /** The fields that always have a value: a merge patch may change them, not remove them. */
    public static final Set<String> NO_NULL_STATE = Set.of("title", "type", "publicationStatus");
}
