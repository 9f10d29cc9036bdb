package org.eventregistry.common;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.Map;

/**
 * Completes the OpenAPI document: every operation may answer 400 and 500 problems, and every
 * problem response gets an example of its status, so no operation documents an error without one.
 */
public class ProblemExamples implements OASFilter {

    private static final Map<String, String> DETAILS = Map.of(
            "400", "Query parameter limit must be a whole number from 1 to 100",
            "404", "No event has the id or slug 'no-such-event'",
            "409", "The slug 'democracy-meets-strategy' is taken by another event",
            "412", "The event has changed since you read it (version 4 now); fetch it again and reapply your change",
            "413", "The body is larger than 1048576 bytes (1 MiB)",
            "415", "This Content-Type is not accepted here; send application/json",
            "422", "endsAt must not be before startsAt",
            "500", "The registry failed to answer; the failure is logged");

    @Override
    public Operation filterOperation(Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            return operation;
        }
        for (String status : new String[]{"400", "500"}) {
            if (responses.getAPIResponse(status) == null) {
                responses.addAPIResponse(status, OASFactory.createAPIResponse()
                        .description(status.equals("400") ? "A malformed request: bad JSON, unknown field or parameter, wrong type"
                                : "A failure of the registry (a bug)")
                        .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                                .schema(OASFactory.createSchema().ref("Problem")))));
            }
        }
        responses.getAPIResponses().forEach((status, response) -> addExample(status, response));
        return operation;
    }

    private static void addExample(String status, APIResponse response) {
        if (response.getContent() == null || response.getContent().getMediaType(Problem.MEDIA_TYPE) == null) {
            return;
        }
        MediaType media = response.getContent().getMediaType(Problem.MEDIA_TYPE);
        if (media.getExamples() == null || media.getExamples().isEmpty()) {
            int code = Integer.parseInt(status);
            String detail = DETAILS.getOrDefault(status, response.getDescription());
            media.addExample("problem", OASFactory.createExample().value(Map.of(
                    "type", "/problems/" + (code == 422 ? "validation-failed" : "error-" + status),
                    "title", response.getDescription() == null ? "Error" : response.getDescription(),
                    "status", code,
                    "detail", detail,
                    "instance", "/api/v1/events")));
        }
    }
}
