package org.eventregistry.speaker;

/** Example bodies shown in the OpenAPI document. */
final class SpeakerExamples {

    private SpeakerExamples() {
    }

    static final String FIELDS = """
            {
              "givenName": "Stefan",
              "familyName": "Jovanović",
              "position": "Vice President",
              "affiliation": "Center for International Relations and Sustainable Development (CIRSD)",
              "country": "RS",
              "topics": ["China", "Western Balkans"],
              "links": {"website": "https://www.cirsd.org", "orcid": "0000-0002-1825-0097"},
              "email": "office@cirsd.org"
            }""";

    static final String SPEAKER = """
            {
              "id": "01JXE0A1B2C3D4E5F6G7H8J9K0",
              "slug": "stefan-jovanovic",
              "honorific": null,
              "givenName": "Stefan",
              "familyName": "Jovanović",
              "displayName": "Stefan Jovanović",
              "position": "Vice President",
              "affiliation": "Center for International Relations and Sustainable Development (CIRSD)",
              "country": "RS",
              "bio": null,
              "photoUrl": null,
              "links": {"website": "https://www.cirsd.org", "orcid": "0000-0002-1825-0097", "profiles": []},
              "topics": ["China", "Western Balkans"],
              "createdAt": "2025-05-20T08:15:00Z",
              "updatedAt": "2025-05-20T08:15:00Z",
              "version": 0
            }""";

    static final String PAGE = "{\"items\": [" + SPEAKER + "], \"total\": 1, \"totalExact\": true, \"limit\": 20, \"nextCursor\": null}";

    static final String PATCH = """
            {"position": "President", "phone": null}""";
}
