package org.eventregistry.platform.http;

import io.quarkus.test.junit.QuarkusTest;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.eventregistry.RegistryApi.given;
import static org.eventregistry.RegistryApi.anonymous;
import static org.eventregistry.RegistryApi.uniqueTag;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Every log line of a request carries its request id (MDC requestId), the caller's X-Request-Id or a new one. */
@QuarkusTest
class RequestIdLogTest {

    @Test
    void logLinesOfARequestCarryItsRequestId() {
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record instanceof ExtLogRecord e) {
                    e.copyAll(); // the MDC as it is on the thread that logs
                }
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger tokens = Logger.getLogger("org.eventregistry.access.TokenService");
        tokens.addHandler(capture);
        try {
            String id = given().contentType("application/json").body("{\"name\": \"log " + uniqueTag() + "\", \"role\": \"PARTNER\"}")
                    .post("/api/v1/admin/tokens").then().statusCode(201).extract().path("id");
            String requestId = "revoke-" + uniqueTag();
            given().header("X-Request-Id", requestId).delete("/api/v1/admin/tokens/" + id)
                    .then().statusCode(204).header("X-Request-Id", requestId);
            List<LogRecord> revocations = records.stream().filter(r -> String.valueOf(r.getMessage()).contains("revoked")
                    || (r instanceof ExtLogRecord e && e.getFormattedMessage().contains(id))).toList();
            assertFalse(revocations.isEmpty(), "the revocation is logged");
            assertEquals(requestId, ((ExtLogRecord) revocations.get(0)).getMdc(RequestIds.MDC_KEY));
        } finally {
            tokens.removeHandler(capture);
        }
    }

    @Test
    void aRequestWithoutAnIdGetsOneInTheAnswer() {
        anonymous().get("/api/v1/events").then().statusCode(200)
                .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
        anonymous().header("X-Request-Id", "bad id with spaces").get("/api/v1/events").then().statusCode(200)
                .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
    }
}
