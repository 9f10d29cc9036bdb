package org.eventregistry.lineup;

/** Example bodies shown in the OpenAPI document. */
final class LineupExamples {

    private LineupExamples() {
    }

    static final String FIELDS = """
            {"speaker": "vuk-jeremic", "role": "MODERATOR", "order": 0, "sessionTitle": "In conversation"}""";

    static final String LINEUP_FIELDS = """
            [
              {"speaker": "vuk-jeremic", "role": "MODERATOR"},
              {"speaker": "andrey-sushentsov", "role": "SPEAKER", "sessionTitle": "Russia's global role"}
            ]""";

    static final String ENTRY = """
            {
              "id": "01JXE1P2Q3R4S5T6V7W8X9Y0Z1",
              "role": "MODERATOR",
              "order": 0,
              "sessionTitle": "In conversation",
              "affiliationAtEvent": "CIRSD",
              "speaker": {
                "id": "01JXE0A1B2C3D4E5F6G7H8J9K0",
                "slug": "vuk-jeremic",
                "displayName": "Vuk Jeremić",
                "position": "President",
                "affiliation": "CIRSD",
                "photoUrl": null
              }
            }""";

    static final String LINEUP = "[" + ENTRY + "]";

    static final String CHANGE = """
            {"role": "CHAIR", "order": 2}""";

    static final String APPEARANCES = """
            {"items": [{
              "event": {"id": "01JXD8ZK3Q4M9V6T2B7C5N1P0R", "slug": "horizons-discussion-andrey-sushentsov",
                        "title": "Horizons Discussion with Professor Andrey Sushentsov", "type": "DISCUSSION",
                        "startsAt": "2025-04-16T18:00:00+02:00", "endsAt": "2025-04-16T19:30:00+02:00", "timeZone": "Europe/Belgrade"},
              "parts": [{"role": "MODERATOR", "order": 0, "sessionTitle": null, "affiliationAtEvent": "CIRSD"}]
            }], "total": 1, "totalExact": true, "limit": 20, "nextCursor": null}""";
}
