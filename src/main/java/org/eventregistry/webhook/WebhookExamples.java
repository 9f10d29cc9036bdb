package org.eventregistry.webhook;

/** Examples shown in the OpenAPI document for webhook operations. */
final class WebhookExamples {

    static final String FIELDS = """
            {"url": "https://partner.example.org/hooks/registry", "types": ["event.*", "lineup.updated"],
             "topics": ["Western Balkans"], "description": "Rebuilds the partner site's calendar"}""";

    static final String PATCH = """
            {"active": true}""";

    private static final String BODY = """
            "id": "01JXF3N8W2Q5R7T9V1X3Z5B7D9", "url": "https://partner.example.org/hooks/registry",
             "types": ["event.*", "lineup.updated"], "topics": ["Western Balkans"], "series": null,
             "description": "Rebuilds the partner site's calendar", "active": true, "pausedReason": null, "pausedAt": null,
             "previousSecretExpiresAt": null, "owner": "token:01JXD9A7M4K2P8R3T6V1W5X0YZ",
             "createdAt": "2026-11-26T10:00:00Z", "updatedAt": "2026-11-26T10:00:00Z", "version": 1""";

    static final String WEBHOOK = "{" + BODY + "}";

    static final String NEW_WEBHOOK = "{" + BODY + """
            ,
             "secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw9XrHDjtdFdQ="}""";

    static final String PAGE = "{\"items\": [" + WEBHOOK + "], \"total\": 1, \"limit\": 20, \"nextCursor\": null}";

    static final String DELIVERY = """
            {"id": "01JXF4A2C4E6G8J0K2M4P6R8T0", "webhookId": "01JXF3N8W2Q5R7T9V1X3Z5B7D9",
             "messageId": "msg_01JXF4A2C4E6G8J0K2M4P6R8T0", "type": "event.updated", "status": "DELIVERED", "attempts": 1,
             "responseCode": 200, "latencyMs": 84, "error": null, "createdAt": "2026-11-26T10:15:30.123456Z",
             "lastAttemptAt": "2026-11-26T10:15:30.201Z", "nextAttemptAt": null, "finishedAt": "2026-11-26T10:15:30.285Z"}""";

    static final String QUEUED = """
            {"id": "01JXF4B7D9F1H3K5M7P9S1V3W5", "webhookId": "01JXF3N8W2Q5R7T9V1X3Z5B7D9",
             "messageId": "msg_01JXF4A2C4E6G8J0K2M4P6R8T0", "type": "event.updated", "status": "PENDING", "attempts": 0,
             "responseCode": null, "latencyMs": null, "error": null, "createdAt": "2026-11-26T11:00:00.000001Z",
             "lastAttemptAt": null, "nextAttemptAt": "2026-11-26T11:00:00.000001Z", "finishedAt": null}""";

    static final String DELIVERY_PAGE = "{\"items\": [" + DELIVERY + "], \"total\": 1, \"limit\": 20, \"nextCursor\": null}";

    private WebhookExamples() {
    }
}
