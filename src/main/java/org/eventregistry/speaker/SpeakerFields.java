package org.eventregistry.speaker;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eventregistry.platform.validation.CountryCode;
import org.eventregistry.platform.validation.HttpUrl;
import org.eventregistry.platform.text.Slugs;

import java.util.List;

/**
 * The writable fields of a speaker, as sent to POST and PUT (and produced by applying a PATCH).
 * A family name or a display name is needed; the display name is derived from the names when absent.
 */
@Schema(name = "SpeakerFields", description = "The writable fields of a speaker")
@JsonIgnoreProperties(value = {"id", "createdAt", "updatedAt", "version"}, allowGetters = false)
public record SpeakerFields(
        @Schema(description = "URL-safe name, unique among speakers; derived from the name when absent", examples = "vuk-jeremic")
        @Size(max = Slugs.MAX_LENGTH) @Pattern(regexp = Slugs.PATTERN, message = "must be lower-case letters and digits separated by single dashes")
        String slug,
        @Schema(examples = "H.E.") @Size(max = 50) String honorific,
        @Schema(examples = "Vuk") @Size(max = 100) String givenName,
        @Schema(examples = "Jeremić") @Size(max = 100) String familyName,
        @Schema(description = "Derived from given and family name when absent", examples = "Vuk Jeremić") @Size(max = 200) String displayName,
        @Schema(examples = "President") @Size(max = 200) String position,
        @Schema(examples = "Center for International Relations and Sustainable Development (CIRSD)") @Size(max = 200) String affiliation,
        @Schema(description = "ISO 3166-1 alpha-2 code", examples = "RS") @CountryCode String country,
        @Schema(description = "HTML, sanitised to an allow-list", examples = "<p>President of CIRSD and editor of <em>Horizons</em>.</p>")
        @Size(max = 20_000) String bio,
        @Schema(examples = "https://www.cirsd.org/images/people/vuk-jeremic.jpg") @HttpUrl String photoUrl,
        @Valid SpeakerLinks links,
        @Schema(description = "Tags, at most 20", examples = "[\"Multilateralism\", \"Western Balkans\"]")
        @Size(max = 20) List<@NotBlank @Size(max = 60) String> topics,
        @Schema(description = "Private: only staff and admin see it", examples = "office@cirsd.org") @Email @Size(max = 254) String email,
        @Schema(description = "Private: only staff and admin see it", examples = "+381 11 123 4567")
        @Pattern(regexp = "^\\+?[0-9][0-9 ()./-]{2,39}$", message = "must be a phone number such as +381 11 123 4567") String phone) {
}
