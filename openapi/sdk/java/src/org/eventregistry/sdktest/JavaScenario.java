package org.eventregistry.sdktest;

import org.eventregistry.client.ApiClient;
import org.eventregistry.client.ApiException;
import org.eventregistry.client.api.AdminApi;
import org.eventregistry.client.api.ChangesApi;
import org.eventregistry.client.api.EventsApi;
import org.eventregistry.client.api.FeedsApi;
import org.eventregistry.client.api.LineUpsApi;
import org.eventregistry.client.api.PublicationsApi;
import org.eventregistry.client.api.SpeakersApi;
import org.eventregistry.client.model.Change;
import org.eventregistry.client.model.ChangePage;
import org.eventregistry.client.model.Event;
import org.eventregistry.client.model.EventFields;
import org.eventregistry.client.model.EventPage;
import org.eventregistry.client.model.EventType;
import org.eventregistry.client.model.LineupChange;
import org.eventregistry.client.model.LineupEntry;
import org.eventregistry.client.model.LineupFields;
import org.eventregistry.client.model.Publication;
import org.eventregistry.client.model.PublicationFields;
import org.eventregistry.client.model.PublicationType;
import org.eventregistry.client.model.Role;
import org.eventregistry.client.model.Speaker;
import org.eventregistry.client.model.SpeakerFields;
import org.eventregistry.client.model.SpeakerRole;
import org.eventregistry.client.model.Token;
import org.eventregistry.client.model.TokenFields;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * What a partner does with the generated Java client (openapi/sdk/java-client.yaml), against a running registry:
 * list and get events, create a speaker with a staff token, add them to a line-up, change the place with a merge
 * patch, cite a publication, fetch the .ics, and follow the change stream. Exits non-zero on the first surprise.
 * Arguments: the registry's base URL and an admin token (which issues the staff token the scenario writes with).
 */
public final class JavaScenario {

    private static int passed;

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String adminToken = args[1];
        String tag = "sdk" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        try {
            run(base, adminToken, tag);
        } catch (ApiException e) {
            System.err.println("Java SDK scenario failed: HTTP " + e.getCode() + " " + e.getResponseBody());
            throw e;
        }
        System.out.println("Java SDK scenario: " + passed + " passed, 0 failed");
    }

    private static ApiClient client(String base, String token) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(base);
        if (token != null) {
            client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        }
        return client;
    }

    private static void run(String base, String adminToken, String tag) throws ApiException {
        Token staff = new AdminApi(client(base, adminToken)).issueToken(new TokenFields().name("sdk java " + tag).role(Role.STAFF));
        check(staff.getToken() != null && staff.getRole() == Role.STAFF, "issueToken gives a STAFF secret");
        ApiClient asStaff = client(base, staff.getToken());
        ApiClient anonymous = client(base, null);

        String cursor = new ChangesApi(anonymous).listChanges(ChangesApi.APIListChangesRequest.newBuilder().after("now").build()).getNextCursor();

        EventsApi staffEvents = new EventsApi(asStaff);
        Event created = staffEvents.createEvent(new EventFields().title("SDK scenario " + tag).type(EventType.PANEL)
                .startsAt(OffsetDateTime.parse("2031-03-04T18:00:00+01:00")).endsAt(OffsetDateTime.parse("2031-03-04T20:00:00+01:00"))
                .timeZone("Europe/Belgrade").topics(List.of(tag)), null);
        check(created.getId() != null, "createEvent with a staff token");

        EventsApi events = new EventsApi(anonymous);
        EventPage page = events.listEvents(EventsApi.APIListEventsRequest.newBuilder().topic(List.of(tag)).limit(10).build());
        check(page.getTotal() == 1 && page.getItems().get(0).getId().equals(created.getId()), "listEvents finds the event by topic");
        Event fetched = events.getEvent(EventsApi.APIGetEventRequest.newBuilder().ref(created.getSlug()).build());
        check(fetched.getTitle().equals(created.getTitle()) && fetched.getVenue() == null, "getEvent by slug returns an Event");

        Speaker speaker = new SpeakersApi(asStaff).createSpeaker(new SpeakerFields().givenName("Ada").familyName("Scenario " + tag)
                .affiliation("Registry SDK Institute"), null);
        check(speaker.getDisplayName().startsWith("Ada Scenario"), "createSpeaker with a staff token");

        LineUpsApi lineups = new LineUpsApi(asStaff);
        LineupEntry entry = lineups.addLineupEntry(created.getId(), new LineupFields().speaker(speaker.getSlug()).role(SpeakerRole.PANELIST));
        check(entry.getRole() == SpeakerRole.PANELIST && entry.getSpeaker().getId().equals(speaker.getId()), "addLineupEntry");
        LineupEntry changed = lineups.updateLineupEntry(entry.getId(), created.getId(), new LineupChange().role(SpeakerRole.MODERATOR).sessionTitle("Opening"));
        check(changed.getRole() == SpeakerRole.MODERATOR && "Opening".equals(changed.getSessionTitle()) && changed.getOrder().equals(entry.getOrder()),
                "updateLineupEntry (merge patch) changes role and title, keeps the order");
        List<LineupEntry> lineup = new LineUpsApi(anonymous).getLineup(created.getSlug());
        check(lineup.size() == 1 && lineup.get(0).getRole() == SpeakerRole.MODERATOR, "getLineup shows the change");

        Publication publication = new PublicationsApi(asStaff).createPublication(new PublicationFields().type(PublicationType.ESSAY)
                .title("On generated clients " + tag).authors(List.of(speaker.getSlug())).publishedOn("2030-10"), null);
        String bibtex = new PublicationsApi(anonymous).citePublication(publication.getSlug(), null);
        check(bibtex.startsWith("@") && bibtex.contains("On generated clients"), "citePublication returns BibTeX text");
        String ris = new PublicationsApi(anonymous).citePublication(publication.getSlug(), "ris");
        check(ris.startsWith("TY  - "), "citePublication format=ris returns RIS text");

        String ics = new FeedsApi(anonymous).getEventCalendar(created.getSlug());
        check(ics.startsWith("BEGIN:VCALENDAR") && ics.contains("SDK scenario " + tag), "getEventCalendar returns iCalendar text");

        ChangePage changes = new ChangesApi(anonymous).listChanges(ChangesApi.APIListChangesRequest.newBuilder().after(cursor).limit(1000).build());
        List<Change> mine = changes.getItems().stream().filter(c -> c.getId().equals(created.getId()) || c.getId().equals(speaker.getId())).toList();
        check(mine.stream().anyMatch(c -> c.getKind() == Change.KindEnum.EVENT && c.getRecord() instanceof java.util.Map),
                "listChanges: the event's change carries the event");
        check(mine.stream().anyMatch(c -> c.getKind() == Change.KindEnum.LINEUP && c.getRecord() instanceof java.util.List),
                "listChanges: the line-up's change carries its places as an array");
        check(changes.getNextCursor() != null, "listChanges gives the cursor to continue from");
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new AssertionError("Java SDK scenario: " + what + " did not hold");
        }
        passed++;
        System.out.println("ok - " + what);
    }
}
