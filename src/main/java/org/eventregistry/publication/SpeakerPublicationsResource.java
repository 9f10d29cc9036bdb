package org.eventregistry.publication;

import org.eventregistry.change.Revalidated;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eventregistry.platform.paging.Lists;

/** A speaker's publications, newest first. */
@Path("/api/v1/speakers/{ref}/publications")
@Tag(name = "Publications")
@Produces(MediaType.APPLICATION_JSON)
public class SpeakerPublicationsResource {

    private final PublicationService service;

    public SpeakerPublicationsResource(PublicationService service) {
        this.service = service;
    }

    @Revalidated
    @GET
    @Operation(operationId = "listSpeakerPublications", summary = "List a speaker's publications", description = "Newest first unless sort is given; takes the publications list's filters.")
    @APIResponse(responseCode = "200", description = "A page of the speaker's publications",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PublicationResource.PublicationPageDoc.class),
                    examples = @ExampleObject(name = "page", value = PublicationExamples.PAGE)))
    public Response list(@Parameter(description = "Speaker id or slug", example = "stefan-jovanovic") @PathParam("ref") String ref,
                         @BeanParam PublicationFilters filters,
                         @Parameter(description = "Sort keys as in the publications list", example = "-publishedOn") @QueryParam("sort") String sort,
                         @Parameter(description = "Page size, 1 to 100", example = "20",
                                 schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "100", defaultValue = "20")) @QueryParam("limit") String limit,
                         @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
                         @Context UriInfo uri) {
        return Lists.response(service.byAuthor(ref, filters, sort, limit, cursor), uri);
    }
}
