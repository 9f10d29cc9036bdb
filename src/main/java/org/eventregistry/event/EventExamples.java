package org.eventregistry.event;

/** Example bodies shown in the OpenAPI document. */
final class EventExamples {

    private EventExamples() {
    }

    static final String FIELDS = """
            {
              "title": "Democracy Meets Strategy: Parliament's Place in China Policy",
              "summary": "Parliamentarians, policymakers and experts from across the Western Balkans examine the region's cooperation with China.",
              "type": "CONFERENCE",
              "startsAt": "2025-06-05T10:00:00+02:00",
              "endsAt": "2025-06-05T17:00:00+02:00",
              "timeZone": "Europe/Belgrade",
              "venue": {"name": "Palace of Serbia", "city": "Belgrade", "country": "RS"},
              "topics": ["China", "Western Balkans", "Parliamentary diplomacy"],
              "language": "en"
            }""";

    static final String EVENT = """
            {
              "id": "01JXD8ZK3Q4M9V6T2B7C5N1P0R",
              "slug": "democracy-meets-strategy-parliament-s-place-in-china-policy",
              "title": "Democracy Meets Strategy: Parliament's Place in China Policy",
              "subtitle": null,
              "summary": "Parliamentarians, policymakers and experts from across the Western Balkans examine the region's cooperation with China.",
              "description": null,
              "type": "CONFERENCE",
              "publicationStatus": "PUBLISHED",
              "status": "SCHEDULED",
              "format": "IN_PERSON",
              "startsAt": "2025-06-05T10:00:00+02:00",
              "endsAt": "2025-06-05T17:00:00+02:00",
              "timeZone": "Europe/Belgrade",
              "venue": {"name": "Palace of Serbia", "address": null, "city": "Belgrade", "country": "RS"},
              "onlineUrl": null,
              "registrationUrl": null,
              "imageUrl": null,
              "topics": ["China", "Western Balkans", "Parliamentary diplomacy"],
              "language": "en",
              "series": null,
              "parentEvent": null,
              "createdAt": "2025-05-20T08:15:00Z",
              "updatedAt": "2025-05-20T08:15:00Z",
              "version": 0
            }""";

    static final String PAGE = "{\"items\": [" + EVENT + "], \"total\": 1, \"totalExact\": true, \"limit\": 20, \"nextCursor\": null}";

    static final String PATCH = """
            {"status": "POSTPONED", "subtitle": null}""";
}
