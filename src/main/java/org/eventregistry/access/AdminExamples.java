package org.eventregistry.access;

/** Example bodies of the admin operations, shown in the OpenAPI document. */
final class AdminExamples {

    private AdminExamples() {
    }

    static final String TOKEN_FIELDS = """
            {"name": "partner: Belgrade Security Forum website", "role": "PARTNER", "expiresAt": "2027-06-30T00:00:00Z"}""";

    static final String TOKEN = """
            {
              "id": "01JXD9A7M4K2P8R3T6V1W5X0YZ",
              "name": "partner: Belgrade Security Forum website",
              "role": "PARTNER",
              "hint": "reg_8f3Kq",
              "createdBy": "admin:config",
              "createdAt": "2026-11-26T10:00:00Z",
              "expiresAt": "2027-06-30T00:00:00Z",
              "lastUsedAt": null,
              "revokedAt": null,
              "state": "ACTIVE"
            }""";

    static final String NEW_TOKEN = """
            {
              "id": "01JXD9A7M4K2P8R3T6V1W5X0YZ",
              "name": "partner: Belgrade Security Forum website",
              "role": "PARTNER",
              "hint": "reg_8f3Kq",
              "createdBy": "admin:config",
              "createdAt": "2026-11-26T10:00:00Z",
              "expiresAt": "2027-06-30T00:00:00Z",
              "lastUsedAt": null,
              "revokedAt": null,
              "state": "ACTIVE",
              "token": "reg_8f3Kq0vQ1nH7sWmX2cYb9LzA4tR6eUjD5gPiN0oK"
            }""";

    static final String TOKEN_PAGE = "{\"items\": [" + TOKEN + "], \"total\": 1, \"totalExact\": true, \"limit\": 20, \"nextCursor\": null}";

    static final String AUDIT_PAGE = """
            {"items": [{
              "id": "01JXDA1B2C3D4E5F6G7H8J9K0M",
              "at": "2026-11-26T10:15:30.123456Z",
              "actor": "token:Press office",
              "actorRole": "STAFF",
              "kind": "event",
              "recordId": "01JXD8ZK3Q4M9V6T2B7C5N1P0R",
              "operation": "UPDATE",
              "requestId": "6c0e3d4a-1f2b-4c5d-8e9f-0a1b2c3d4e5f"
            }], "total": 1, "totalExact": true, "limit": 20, "nextCursor": null}""";
}
