package org.eventregistry.publication;

/** Example bodies shown in the OpenAPI document. */
final class PublicationExamples {

    private PublicationExamples() {
    }

    static final String FIELDS = """
            {
              "type": "ESSAY",
              "title": "Despite Enticing Narratives, the International Community Has Fueled Bosnia’s Instability",
              "abstract": "<p>In 1984 Bosnia and Herzegovina was presented to the world as Yugoslavia’s poster child.</p>",
              "publishedOn": "2023-10",
              "periodical": {"name": "Horizons", "volume": "25", "issue": "Autumn 2023", "pages": "118-131"},
              "publisher": "Center for International Relations and Sustainable Development",
              "language": "en",
              "topics": ["Bosnia and Herzegovina", "Western Balkans"],
              "authors": ["stefan-jovanovic"],
              "relatedEvents": ["horizons-discussion-bosnia-stability"]
            }""";

    static final String PUBLICATION = """
            {
              "id": "01JXF0A1B2C3D4E5F6G7H8J9K0",
              "slug": "despite-enticing-narratives",
              "type": "ESSAY",
              "title": "Despite Enticing Narratives, the International Community Has Fueled Bosnia’s Instability",
              "subtitle": null,
              "abstract": "<p>In 1984 Bosnia and Herzegovina was presented to the world as Yugoslavia’s poster child.</p>",
              "body": null,
              "publishedOn": "2023-10",
              "periodical": {"name": "Horizons", "volume": "25", "issue": "Autumn 2023", "pages": "118-131"},
              "publisher": "Center for International Relations and Sustainable Development",
              "doi": null,
              "isbn": null,
              "url": null,
              "imageUrl": null,
              "language": "en",
              "topics": ["Bosnia and Herzegovina", "Western Balkans"],
              "publicationStatus": "PUBLISHED",
              "authors": [{"id": "01JXE0A1B2C3D4E5F6G7H8J9K0", "slug": "stefan-jovanovic", "displayName": "Stefan Jovanović",
                           "givenName": "Stefan", "familyName": "Jovanović", "affiliation": "CIRSD"}],
              "relatedEvents": [],
              "createdAt": "2025-05-20T08:15:00Z",
              "updatedAt": "2025-05-20T08:15:00Z",
              "version": 0
            }""";

    static final String PAGE = "{\"items\": [" + PUBLICATION + "], \"total\": 1, \"totalExact\": true, \"limit\": 20, \"nextCursor\": null}";

    static final String PATCH = """
            {"doi": "10.1000/xyz123", "subtitle": null}""";

    static final String BIBTEX = """
            @article{jovanovic2023despite,
              author = {Jovanović, Stefan},
              title = {{Despite Enticing Narratives, the International Community Has Fueled Bosnia’s Instability}},
              journal = {Horizons},
              volume = {25},
              number = {Autumn 2023},
              pages = {118--131},
              year = 2023,
              month = oct
            }
            """;
}
