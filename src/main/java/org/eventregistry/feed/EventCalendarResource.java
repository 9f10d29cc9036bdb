package org.eventregistry.feed;

import jakarta.ws.rs.GET;
import org.eventregistry.platform.validation.Accepts;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eventregistry.change.Revalidated;

/** One event as an .ics file, for "add to calendar". */
@Path("/api/v1/events/{ref}/calendar.ics")
@Tag(name = "Feeds")
public class EventCalendarResource {

    /** An upper bound of one event's calendar: a description of 100,000 characters, escaped and folded, and the rest. */
    static final int MAX_CALENDAR = 1_048_576;

    private final FeedService feeds;

    public EventCalendarResource(FeedService feeds) {
        this.feeds = feeds;
    }

    @GET
    @Revalidated
    @Produces({MediaType.TEXT_PLAIN, Ics.MEDIA_TYPE})
    @Operation(operationId = "getEventCalendar", summary = "One event as iCalendar", description = "The same VEVENT the calendar feed carries, UID and SEQUENCE included.")
    @APIResponse(responseCode = "200", description = "An RFC 5545 calendar with one event",
            content = {@Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING, maxLength = MAX_CALENDAR),
                    examples = @ExampleObject(name = "calendar", value = FeedResource.ICS)),
                    @Content(mediaType = Ics.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, maxLength = MAX_CALENDAR),
                    examples = @ExampleObject(name = "calendar", value = FeedResource.ICS))})
    @APIResponse(responseCode = "304", description = "Not changed since the ETag or date given")
    public Response calendar(@Parameter(description = "Event id or slug", example = "democracy-meets-strategy") @PathParam("ref") String ref,
                             @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        String type = Accepts.prefersPlainText(accept) ? MediaType.TEXT_PLAIN : Ics.MEDIA_TYPE;
        return Response.ok(feeds.eventCalendar(ref)).type(type + "; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"" + ref + ".ics\"").build();
    }
}
