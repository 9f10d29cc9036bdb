package org.eventregistry.access;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import java.util.List;

/** Filters of the audit log. */
public class AuditFilters {

    @QueryParam("actor")
    @Parameter(description = "Who wrote: token:<name>, jwt:<subject>, admin:config", example = "token:Press office")
    public List<String> actor;

    @QueryParam("kind")
    @Parameter(description = "Kind of record: event, token, ...", example = "event")
    public List<String> kind;

    @QueryParam("recordId")
    @Parameter(description = "Id of the record written", example = "01JXD8ZK3Q4M9V6T2B7C5N1P0R")
    public List<String> recordId;

    @QueryParam("operation")
    @Parameter(description = "CREATE, UPDATE, DELETE or REVOKE", example = "DELETE")
    public List<String> operation;

    @QueryParam("requestId")
    @Parameter(description = "X-Request-Id of the request", example = "6c0e3d4a-1f2b-4c5d-8e9f-0a1b2c3d4e5f")
    public List<String> requestId;

    @QueryParam("from")
    @Parameter(description = "Entries at or after: now, today, a date or an instant", example = "today")
    public String from;

    @QueryParam("to")
    @Parameter(description = "Entries at or before: now, today, a date or an instant", example = "now")
    public String to;

    String canonical() {
        return String.join("|", String.valueOf(actor), String.valueOf(kind), String.valueOf(recordId), String.valueOf(operation),
                String.valueOf(requestId), String.valueOf(from), String.valueOf(to));
    }
}
