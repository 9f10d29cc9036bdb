package org.eventregistry.access;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eventregistry.platform.paging.Lists;
import org.eventregistry.platform.http.Problem;

import java.net.URI;
import java.util.List;

/** Token management for admins: issue (the secret is shown once), list, inspect and revoke. */
@Path("/api/v1/admin/tokens")
@Tag(name = "Admin", description = "API tokens and the audit log (admin role)")
@Produces(MediaType.APPLICATION_JSON)
public class TokenResource {

    private final TokenService tokens;

    public TokenResource(TokenService tokens) {
        this.tokens = tokens;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "issueToken", summary = "Issue an API token", description = "The response is the only place the secret ever appears.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = TokenFields.class), examples = @ExampleObject(name = "partner", value = AdminExamples.TOKEN_FIELDS)))
    @APIResponse(responseCode = "201", description = "The token, with its secret in `token`",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TokenView.class),
                    examples = @ExampleObject(name = "issued", value = AdminExamples.NEW_TOKEN)))
    @APIResponse(responseCode = "422", description = "A field breaks a rule", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(TokenFields fields) {
        TokenView token = tokens.create(fields);
        return Response.created(URI.create("/api/v1/admin/tokens/" + token.id())).entity(token).build();
    }

    @GET
    @Operation(operationId = "listTokens", summary = "List API tokens", description = "Newest first; secrets are never listed.")
    @APIResponse(responseCode = "200", description = "A page of tokens",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TokenPageDoc.class),
                    examples = @ExampleObject(name = "page", value = AdminExamples.TOKEN_PAGE)))
    public Response list(@Parameter(description = "Page size, 1 to 100", example = "20",
                                 schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "100", defaultValue = "20")) @QueryParam("limit") String limit,
                         @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
                         @Context UriInfo uri) {
        return Lists.response(tokens.list(limit, cursor), uri);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getToken", summary = "Get an API token")
    @APIResponse(responseCode = "200", description = "The token, without its secret",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TokenView.class),
                    examples = @ExampleObject(name = "token", value = AdminExamples.TOKEN)))
    @APIResponse(responseCode = "404", description = "No such token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public TokenView get(@Parameter(description = "Token id", example = "01JXD9A7M4K2P8R3T6V1W5X0YZ") @PathParam("id") String id) {
        return tokens.get(id);
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "revokeToken", summary = "Revoke an API token", description = "The token stops working at once; its record stays for the audit trail.")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "404", description = "No such token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response revoke(@Parameter(description = "Token id", example = "01JXD9A7M4K2P8R3T6V1W5X0YZ") @PathParam("id") String id) {
        tokens.revoke(id);
        return Response.noContent().build();
    }

    /** The list response as documented. */
    @Schema(name = "TokenPage", description = "A page of API tokens")
    record TokenPageDoc(List<TokenView> items, long total, boolean totalExact, int limit, @Schema(nullable = true) String nextCursor) {
    }
}
