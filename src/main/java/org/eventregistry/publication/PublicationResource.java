package org.eventregistry.publication;

import org.eventregistry.platform.error.RegistryException;

import org.eventregistry.platform.error.FieldError;

import org.eventregistry.change.Answers;
import org.eventregistry.change.Revalidated;
import org.eventregistry.change.Revalidation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eventregistry.platform.validation.Accepts;
import org.eventregistry.platform.http.Idempotency;
import org.eventregistry.platform.json.MergePatch;
import org.eventregistry.platform.http.QueryValues;
import org.eventregistry.platform.http.Versions;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.ArrayList;

/** The publications collection and citations: thin HTTP mapping onto {@link PublicationService}. */
@Path("/api/v1/publications")
@Tag(name = "Publications", description = "Articles, essays, interviews, reports and books, with their authors and events")
@Produces(MediaType.APPLICATION_JSON)
public class PublicationResource {

    private final PublicationService service;

    private final PublicationLinkedData linkedData;

    private final Answers answers;
    private final Revalidation revalidation;

    public PublicationResource(PublicationService service, PublicationLinkedData linkedData, Answers answers,
                               Revalidation revalidation) {
        this.answers = answers;
        this.revalidation = revalidation;
        this.linkedData = linkedData;
        this.service = service;
    }

    @Revalidated
    @GET
    @Operation(operationId = "listPublications", summary = "List publications", description = "Newest first unless told otherwise.")
    @APIResponse(responseCode = "200", description = "A page of publications",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PublicationPageDoc.class),
                    examples = @ExampleObject(name = "page", value = PublicationExamples.PAGE)))
    public Response list(@BeanParam PublicationFilters filters,
                         @Parameter(description = "Sort keys, comma-separated, '-' for descending: publishedOn, title, createdAt, updatedAt",
                                 example = "-publishedOn") @QueryParam("sort") String sort,
                         @Parameter(description = "Page size, 1 to 100", example = "20",
                                 schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "100", defaultValue = "20"))
                         @QueryParam("limit") String limit,
                         @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
                         @Context UriInfo uri) {
        return answers.page(revalidation.version(), uri, () -> service.list(filters, sort, limit, cursor));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createPublication", summary = "Publish a publication", description = "Idempotency-Key makes retries safe, as for events.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PublicationFields.class), examples = @ExampleObject(name = "essay", value = PublicationExamples.FIELDS)))
    @APIResponse(responseCode = "201", description = "Created; Location names the new publication",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PublicationView.class),
                    examples = @ExampleObject(name = "created", value = PublicationExamples.PUBLICATION)))
    public Response create(PublicationFields fields,
                           @Parameter(description = "Makes the POST safe to retry", example = "3b1d2c9e-7a55-4f0b-9c1e-5d8f2a6b4c21")
                           @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        Idempotency.Created created = service.create(fields, idempotencyKey);
        return Response.created(URI.create(created.location())).tag(EntityTag.valueOf(created.etag()))
                .type(MediaType.APPLICATION_JSON).entity(created.body()).build();
    }

    @GET
    @Path("/{ref}")
    @Operation(operationId = "getPublication", summary = "Get a publication by id or slug")
    @APIResponse(responseCode = "200", description = "The publication; ETag carries its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PublicationView.class),
                    examples = @ExampleObject(name = "publication", value = PublicationExamples.PUBLICATION)))
    @APIResponse(responseCode = "304", description = "If-None-Match or If-Modified-Since already has the current version")
    public Response get(@Parameter(description = "Id or slug", example = "despite-enticing-narratives") @PathParam("ref") String ref,
                        @Context Request request,
                        @Context HttpHeaders headers,
                        @Context UriInfo uri) {
        Accepts.require(headers, MediaType.APPLICATION_JSON_TYPE);
        return answers.record(uri, request, () -> {
            PublicationView publication = service.get(ref);
            return answers.version(publication, Versions.tag(publication.id(), publication.version()), publication.updatedAt());
        });
    }

    @GET
    @Path("/{ref}")
    @Produces(PublicationLinkedData.MEDIA_TYPE)
    @Operation(summary = "Get a publication as schema.org JSON-LD", description = "Chosen with Accept: application/ld+json.")
    @APIResponse(responseCode = "200", description = "A schema.org description",
            content = @Content(mediaType = PublicationLinkedData.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT),
                    examples = @ExampleObject(name = "jsonld", value = "{\"@context\": \"https://schema.org\", \"@type\": \"ScholarlyArticle\"}")))
    @APIResponse(responseCode = "304", description = "If-None-Match or If-Modified-Since already has the current version")
    public Response linkedData(@Parameter(description = "Id or slug", example = "despite-enticing-narratives") @PathParam("ref") String ref,
                               @Context Request request) {
        PublicationView publication = service.get(ref);
        Object described = linkedData.describe(publication);
        return Versions.readComposed(request, Versions.composed(publication.id(), "ld", described), described);
    }

    @PUT
    @Path("/{ref}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replacePublication", summary = "Replace a publication", description = "Fields left out are cleared; the slug stays unless given.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PublicationFields.class), examples = @ExampleObject(name = "essay", value = PublicationExamples.FIELDS)))
    @APIResponse(responseCode = "200", description = "The replaced publication",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PublicationView.class),
                    examples = @ExampleObject(name = "publication", value = PublicationExamples.PUBLICATION)))
    public Response replace(@Parameter(description = "Id or slug", example = "despite-enticing-narratives") @PathParam("ref") String ref,
                            @Parameter(description = "ETag of the version being replaced") @HeaderParam("If-Match") String ifMatch,
                            PublicationFields fields) {
        return single(service.replace(ref, fields, ifMatch));
    }

    @PATCH
    @Path("/{ref}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Operation(operationId = "updatePublication", summary = "Change some fields of a publication", description = "A JSON merge patch (RFC 7396).")
    @RequestBody(required = true, content = @Content(mediaType = MergePatch.MEDIA_TYPE,
            schema = @Schema(type = SchemaType.OBJECT), examples = @ExampleObject(name = "doi", value = PublicationExamples.PATCH)))
    @APIResponse(responseCode = "200", description = "The changed publication",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PublicationView.class),
                    examples = @ExampleObject(name = "publication", value = PublicationExamples.PUBLICATION)))
    public Response patch(@Parameter(description = "Id or slug", example = "despite-enticing-narratives") @PathParam("ref") String ref,
                          @Parameter(description = "ETag of the version being changed") @HeaderParam("If-Match") String ifMatch,
                          JsonNode patch) throws JsonProcessingException {
        return single(service.patch(ref, patch, ifMatch));
    }

    @DELETE
    @Path("/{ref}")
    @Operation(operationId = "deletePublication", summary = "Delete a publication")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@Parameter(description = "Id or slug", example = "despite-enticing-narratives") @PathParam("ref") String ref,
                           @Parameter(description = "ETag of the version being deleted") @HeaderParam("If-Match") String ifMatch) {
        service.delete(ref, ifMatch);
        return Response.noContent().build();
    }

    @GET
    @Path("/{ref}/citation")
    @Produces({MediaType.TEXT_PLAIN, "application/x-bibtex", "application/x-research-info-systems", "application/vnd.citationstyles.csl+json"})
    @Operation(operationId = "citePublication", summary = "Cite a publication", description = "BibTeX, RIS or CSL-JSON, chosen by ?format= or else by Accept "
            + "(BibTeX for */*). Non-ASCII names are kept in UTF-8; BibTeX special characters are escaped.")
    @APIResponse(responseCode = "200", description = "The citation",
            content = {@Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING, maxLength = CITATION_MAX),
                    examples = @ExampleObject(name = "bibtex", value = PublicationExamples.BIBTEX)),
                    @Content(mediaType = "application/x-bibtex", schema = @Schema(type = SchemaType.STRING, maxLength = CITATION_MAX),
                    examples = @ExampleObject(name = "bibtex", value = PublicationExamples.BIBTEX)),
                    @Content(mediaType = "application/x-research-info-systems", schema = @Schema(type = SchemaType.STRING, maxLength = CITATION_MAX),
                            examples = @ExampleObject(name = "ris", value = "TY  - JOUR\r\nAU  - Jovanović, Stefan\r\nER  - \r\n")),
                    @Content(mediaType = "application/vnd.citationstyles.csl+json",
                            schema = @Schema(type = SchemaType.ARRAY, maxItems = 1, implementation = Object.class),
                            examples = @ExampleObject(name = "csl", value = "[{\"id\": \"despite-enticing-narratives\", \"type\": \"article-journal\"}]"))})
    @APIResponse(responseCode = "406", description = "No citation format matches Accept",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = org.eventregistry.platform.http.Problem.class)))
    public Response citation(@Parameter(description = "Id or slug", example = "despite-enticing-narratives") @PathParam("ref") String ref,
                             @Parameter(description = "bibtex, ris or csl-json; overrides Accept (text/plain first in Accept still answers text/plain)",
                                     example = "ris", schema = @Schema(enumeration = {"bibtex", "ris", "csl-json"}, type = SchemaType.STRING))
                             @QueryParam("format") String format,
                             @Context HttpHeaders headers) {
        Citation kind = format != null
                ? Citation.byFormat(format).orElseThrow(() -> QueryValues.bad("format", "must be bibtex, ris or csl-json"))
                : negotiate(headers.getHeaderString(HttpHeaders.ACCEPT));
        PublicationService.Cited cited = service.cite(ref, kind);
        String type = Accepts.prefersPlainText(headers.getHeaderString(HttpHeaders.ACCEPT)) ? MediaType.TEXT_PLAIN : kind.mediaType;
        return Response.ok(cited.text())
                .type(type + "; charset=utf-8")
                .header("Content-Disposition", "inline; filename=\"" + cited.slug() + "." + kind.extension + "\"")
                .header("Vary", "Accept")
                .build();
    }

    /**
     * The format the Accept header asks for, best quality first; BibTeX when it is absent, empty or takes anything.
     * A header that cannot be read is a 400, one that names no citation format a 406.
     */
    private static Citation negotiate(String accept) {
        if (accept == null || accept.isBlank()) {
            return Citation.BIBTEX;
        }
        List<Map.Entry<MediaType, Double>> wanted = new ArrayList<>();
        for (String part : accept.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            try {
                MediaType type = MediaType.valueOf(part.strip());
                double quality = Double.parseDouble(type.getParameters().getOrDefault("q", "1"));
                if (!(quality >= 0 && quality <= 1)) {
                    throw new IllegalArgumentException("q out of range");
                }
                wanted.add(Map.entry(type, quality));
            } catch (IllegalArgumentException e) {
                throw new RegistryException.BadRequest("The Accept header cannot be read: '" + part.strip() + "'",
                        List.of(new FieldError("Accept", "not a media range with a q from 0 to 1")));
            }
        }
        if (wanted.isEmpty()) {
            return Citation.BIBTEX;
        }
        wanted.sort(Map.Entry.<MediaType, Double>comparingByValue().reversed());
        for (Map.Entry<MediaType, Double> entry : wanted) {
            MediaType type = entry.getKey();
            if (entry.getValue() == 0) {
                continue;
            }
            if (type.isWildcardType() || type.isWildcardSubtype() && type.getType().equals("application")) {
                return Citation.BIBTEX;
            }
            if (type.getType().equals("text") && (type.isWildcardSubtype() || type.getSubtype().equals("plain"))) {
                return Citation.BIBTEX;
            }
            var match = Citation.byMediaType(type.getType() + "/" + type.getSubtype());
            if (match.isPresent()) {
                return match.get();
            }
        }
        throw new RegistryException.NotAcceptable("No citation format matches the Accept header; ask for application/x-bibtex, "
                + "application/x-research-info-systems or application/vnd.citationstyles.csl+json, or use ?format=");
    }

    /** An upper bound of a citation's length: a title, 50 authors, an abstract of 20,000 characters and the rest, escaped. */
    static final int CITATION_MAX = 1_048_576;

    private static Response single(PublicationView speaker) {
        return Response.ok(speaker).tag(Versions.tag(speaker.id(), speaker.version())).build();
    }

    /** The list response as documented. */
    @Schema(name = "PublicationPage", description = "A page of publications")
    record PublicationPageDoc(List<PublicationView> items, long total, boolean totalExact, int limit, @Schema(nullable = true) String nextCursor) {
    }
}
