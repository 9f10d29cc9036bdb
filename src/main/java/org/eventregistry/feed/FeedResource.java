package org.eventregistry.feed;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
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
import org.eventregistry.change.Answers;
import org.eventregistry.change.Revalidated;
import org.eventregistry.change.Revalidation;
import org.eventregistry.event.EventFilters;
import org.eventregistry.publication.PublicationFilters;

/** Calendar and news feeds of events and publications, taking the lists' filters. */
@Path("/api/v1/feeds")
@Tag(name = "Feeds", description = "iCalendar, Atom, RSS and JSON Feed, for calendar apps, feed readers and partner sites")
public class FeedResource {

    static final String ICS = "BEGIN:VCALENDAR\r\nPRODID:-//Event and conference registry//EN\r\nVERSION:2.0\r\nMETHOD:PUBLISH\r\n"
            + "BEGIN:VEVENT\r\nUID:01JXD8ZK3Q4M9V6T2B7C5N1P0R@www.cirsd.org\r\nSEQUENCE:3\r\n"
            + "DTSTART;TZID=Europe/Belgrade:20250605T093000\r\nDTEND;TZID=Europe/Belgrade:20250605T170000\r\n"
            + "SUMMARY:Democracy Meets Strategy\r\nSTATUS:CONFIRMED\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    static final String ATOM = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">"
            + "<title>Events</title><entry><title>Democracy Meets Strategy</title></entry></feed>";
    static final String RSS = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>Events</title>"
            + "<item><title>Democracy Meets Strategy</title></item></channel></rss>";
    static final String JSON = "{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"Events\", "
            + "\"items\": [{\"id\": \"tag:www.cirsd.org,2025:events/01JXD8ZK3Q4M9V6T2B7C5N1P0R\", \"title\": \"Democracy Meets Strategy\"}]}";

    private final FeedService feeds;
    private final Answers answers;
    private final Revalidation revalidation;

    public FeedResource(FeedService feeds, Answers answers, Revalidation revalidation) {
        this.feeds = feeds;
        this.answers = answers;
        this.revalidation = revalidation;
    }

    /** Rendered feeds are kept by the version of the answer, as list pages are. */
    private String cached(java.util.function.Supplier<String> render) {
        return answers.text(revalidation.version(), render);
    }

    @GET
    @Path("/events.ics")
    @Revalidated(clock = Revalidated.Clock.BOUNDS)
    @Produces(Ics.MEDIA_TYPE)
    @Operation(operationId = "getEventsCalendarFeed", summary = "Events as an iCalendar feed", description = "Subscribe with webcal:// in a calendar app. Takes the events "
            + "list's filters (speaker, topic, type, series, country, from, to...); soonest first.")
    @APIResponse(responseCode = "200", description = "An RFC 5545 calendar",
            content = @Content(mediaType = Ics.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING), examples = @ExampleObject(name = "calendar", value = ICS)))
    @APIResponse(responseCode = "304", description = "Not changed since the ETag or date given")
    public Response eventsCalendar(@BeanParam EventFilters filters,
                                   @Parameter(description = "Sort keys as in the events list", example = "startsAt") @QueryParam("sort") String sort,
                                   @Parameter(description = "Calendar name shown by calendar apps", example = "CIRSD events") @QueryParam("name") String name) {
        return Response.ok(cached(() -> feeds.eventsCalendar(filters, sort, name == null || name.isBlank() ? "Events" : name)))
                .type(Ics.MEDIA_TYPE + "; charset=utf-8")
                .header("Content-Disposition", "inline; filename=\"events.ics\"").build();
    }

    @GET
    @Path("/events.atom")
    @Revalidated(clock = Revalidated.Clock.BOUNDS)
    @Produces("application/atom+xml")
    @Operation(operationId = "getEventsAtomFeed", summary = "Events as an Atom 1.0 feed", description = "Newest announcements first; takes the events list's filters.")
    @APIResponse(responseCode = "200", description = "An Atom feed",
            content = @Content(mediaType = "application/atom+xml", schema = @Schema(type = SchemaType.STRING), examples = @ExampleObject(name = "atom", value = ATOM)))
    @APIResponse(responseCode = "304", description = "Not changed since the ETag or date given")
    public Response eventsAtom(@BeanParam EventFilters filters,
                               @Parameter(description = "Sort keys as in the events list", example = "-createdAt") @QueryParam("sort") String sort,
                               @Context UriInfo uri) {
        return events(Syndication.Format.ATOM, filters, sort, uri);
    }

    @GET
    @Path("/events.rss")
    @Revalidated(clock = Revalidated.Clock.BOUNDS)
    @Produces("application/rss+xml")
    @Operation(operationId = "getEventsRssFeed", summary = "Events as an RSS 2.0 feed", description = "Newest announcements first; takes the events list's filters.")
    @APIResponse(responseCode = "200", description = "An RSS feed",
            content = @Content(mediaType = "application/rss+xml", schema = @Schema(type = SchemaType.STRING), examples = @ExampleObject(name = "rss", value = RSS)))
    @APIResponse(responseCode = "304", description = "Not changed since the ETag or date given")
    public Response eventsRss(@BeanParam EventFilters filters,
                              @Parameter(description = "Sort keys as in the events list", example = "-createdAt") @QueryParam("sort") String sort,
                              @Context UriInfo uri) {
        return events(Syndication.Format.RSS, filters, sort, uri);
    }

    @GET
    @Path("/events.json")
    @Revalidated(clock = Revalidated.Clock.BOUNDS)
    @Produces("application/feed+json")
    @Operation(operationId = "getEventsJsonFeed", summary = "Events as a JSON Feed 1.1", description = "Newest announcements first; takes the events list's filters.")
    @APIResponse(responseCode = "200", description = "A JSON feed",
            content = @Content(mediaType = "application/feed+json", schema = @Schema(type = SchemaType.OBJECT), examples = @ExampleObject(name = "json", value = JSON)))
    @APIResponse(responseCode = "304", description = "Not changed since the ETag or date given")
    public Response eventsJson(@BeanParam EventFilters filters,
                               @Parameter(description = "Sort keys as in the events list", example = "-createdAt") @QueryParam("sort") String sort,
                               @Context UriInfo uri) {
        return events(Syndication.Format.JSON, filters, sort, uri);
    }

    @GET
    @Path("/publications.atom")
    @Revalidated
    @Produces("application/atom+xml")
    @Operation(operationId = "getPublicationsAtomFeed", summary = "Publications as an Atom 1.0 feed", description = "Newest first; takes the publications list's filters.")
    @APIResponse(responseCode = "200", description = "An Atom feed",
            content = @Content(mediaType = "application/atom+xml", schema = @Schema(type = SchemaType.STRING), examples = @ExampleObject(name = "atom", value = ATOM)))
    @APIResponse(responseCode = "304", description = "Not changed since the ETag or date given")
    public Response publicationsAtom(@BeanParam PublicationFilters filters,
                                     @Parameter(description = "Sort keys as in the publications list", example = "-publishedOn") @QueryParam("sort") String sort,
                                     @Context UriInfo uri) {
        return publications(Syndication.Format.ATOM, filters, sort, uri);
    }

    @GET
    @Path("/publications.rss")
    @Revalidated
    @Produces("application/rss+xml")
    @Operation(operationId = "getPublicationsRssFeed", summary = "Publications as an RSS 2.0 feed", description = "Newest first; takes the publications list's filters.")
    @APIResponse(responseCode = "200", description = "An RSS feed",
            content = @Content(mediaType = "application/rss+xml", schema = @Schema(type = SchemaType.STRING), examples = @ExampleObject(name = "rss", value = RSS)))
    @APIResponse(responseCode = "304", description = "Not changed since the ETag or date given")
    public Response publicationsRss(@BeanParam PublicationFilters filters,
                                    @Parameter(description = "Sort keys as in the publications list", example = "-publishedOn") @QueryParam("sort") String sort,
                                    @Context UriInfo uri) {
        return publications(Syndication.Format.RSS, filters, sort, uri);
    }

    @GET
    @Path("/publications.json")
    @Revalidated
    @Produces("application/feed+json")
    @Operation(operationId = "getPublicationsJsonFeed", summary = "Publications as a JSON Feed 1.1", description = "Newest first; takes the publications list's filters.")
    @APIResponse(responseCode = "200", description = "A JSON feed",
            content = @Content(mediaType = "application/feed+json", schema = @Schema(type = SchemaType.OBJECT), examples = @ExampleObject(name = "json", value = JSON)))
    @APIResponse(responseCode = "304", description = "Not changed since the ETag or date given")
    public Response publicationsJson(@BeanParam PublicationFilters filters,
                                     @Parameter(description = "Sort keys as in the publications list", example = "-publishedOn") @QueryParam("sort") String sort,
                                     @Context UriInfo uri) {
        return publications(Syndication.Format.JSON, filters, sort, uri);
    }

    private Response events(Syndication.Format format, EventFilters filters, String sort, UriInfo uri) {
        return Response.ok(cached(() -> feeds.eventsFeed(format, filters, sort, uri.getRequestUri().toString())))
                .type(format.mediaType + "; charset=utf-8").build();
    }

    private Response publications(Syndication.Format format, PublicationFilters filters, String sort, UriInfo uri) {
        return Response.ok(cached(() -> feeds.publicationsFeed(format, filters, sort, uri.getRequestUri().toString())))
                .type(format.mediaType + "; charset=utf-8").build();
    }
}
