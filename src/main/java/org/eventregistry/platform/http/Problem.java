package org.eventregistry.platform.http;

import org.eventregistry.platform.error.FieldError;
import org.eventregistry.platform.validation.Validation;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** The RFC 9457 problem document every error response carries. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "An RFC 9457 problem document.")
public record Problem(
        @Schema(description = "URI reference naming the kind of problem", examples = "/problems/validation-failed") String type,
        @Schema(description = "Short summary of the kind of problem", examples = "Validation failed") String title,
        @Schema(description = "HTTP status code", examples = "422") int status,
        @Schema(description = "What went wrong in this request", examples = "endsAt must not be before startsAt") String detail,
        @Schema(description = "The path of the request", examples = "/api/v1/events") String instance,
        @Schema(description = "The fields or parameters at fault") List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
}
