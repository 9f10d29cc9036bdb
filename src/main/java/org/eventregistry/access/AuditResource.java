package org.eventregistry.access;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
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

import java.util.List;

/** The audit log of every write, for admins. */
@Path("/api/v1/admin/audit")
@Tag(name = "Admin")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    private final AuditLog audit;

    public AuditResource(AuditLog audit) {
        this.audit = audit;
    }

    @GET
    @Operation(operationId = "listAuditEntries", summary = "List audit entries", description = "Every write: who made it, to which record, when, in which request. Newest first.")
    @APIResponse(responseCode = "200", description = "A page of audit entries",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AuditPageDoc.class),
                    examples = @ExampleObject(name = "page", value = AdminExamples.AUDIT_PAGE)))
    public Response list(@BeanParam AuditFilters filters,
                         @Parameter(description = "Page size, 1 to 100", example = "20",
                                 schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "100", defaultValue = "20")) @QueryParam("limit") String limit,
                         @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
                         @Context UriInfo uri) {
        return Lists.response(audit.list(filters, limit, cursor), uri);
    }

    /** The list response as documented. */
    @Schema(name = "AuditPage", description = "A page of audit entries")
    record AuditPageDoc(List<AuditView> items, long total, boolean totalExact, int limit, @Schema(nullable = true) String nextCursor) {
    }
}
