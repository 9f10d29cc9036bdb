package org.eventregistry.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.standardwebhooks.Webhook;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.eventregistry.RegistryApi;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.eventregistry.RegistryApi.EVENTS;
import static org.eventregistry.RegistryApi.MERGE_PATCH_JSON;
import static org.eventregistry.RegistryApi.createEvent;
import static org.eventregistry.RegistryApi.event;
import static org.eventregistry.RegistryApi.given;
import static org.eventregistry.RegistryApi.uniqueTag;
import static org.eventregistry.webhook.Webhooks.WEBHOOKS;
import static org.eventregistry.webhook.Webhooks.deliveries;
import static org.eventregistry.webhook.Webhooks.eventually;
import static org.eventregistry.webhook.Webhooks.fields;
import static org.eventregistry.webhook.Webhooks.subscribe;
import static org.eventregistry.webhook.Webhooks.webhook;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Deliveries to real HTTP receivers on loopback (the test profile allows private targets). */
@QuarkusTest
class WebhookDeliveryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WITHIN = Duration.ofSeconds(20);

    @Test
    void deliveriesCarryTheChangeAsTheStreamShowsItSignedForTheStandardWebhooksLibrary() throws Exception {
        String topic = uniqueTag();
        try (Receiver receiver = Receiver.ok()) {
            JsonPath subscription = subscribe(fields(receiver.url(), List.of("event.*"), topic));
            String secret = subscription.getString("secret");
            assertTrue(secret.startsWith("whsec_"), secret);
            String cursor = given().queryParam("after", "now").get("/api/v1/changes").then().extract().path("nextCursor");
            String eventId = createEvent(topic).getString("id");

            eventually("the receiver gets the created event", WITHIN, () -> receiver.received().size() == 1);
            Receiver.Received delivery = receiver.received().get(0);
            new Webhook(secret).verify(delivery.body(), delivery.headers());
            assertTrue(delivery.header("webhook-id").startsWith("msg_"));
            assertTrue(delivery.header("content-type").startsWith("application/json"));

            JsonNode body = JSON.readTree(delivery.body());
            assertEquals("event.created", body.path("type").asText());
            JsonNode change = null;
            for (JsonNode item : JSON.readTree(given().queryParam("after", cursor).queryParam("type", "event")
                    .get("/api/v1/changes").then().statusCode(200).extract().asString()).path("items")) {
                if (item.path("id").asText().equals(eventId)) {
                    change = item;
                }
            }
            assertNotNull(change, "the change stream shows the event");
            assertEquals(change, body.path("data"), "data is the change exactly as /api/v1/changes shows it");
            assertEquals(change.path("at").asText(), body.path("timestamp").asText());
        }
    }

    @Test
    void draftsNeverLeaveTheRegistry() throws Exception {
        String topic = uniqueTag();
        try (Receiver receiver = Receiver.ok()) {
            String webhookId = subscribe(fields(receiver.url(), List.of("*.*"), topic)).getString("id");
            String draft = createEvent(event("Draft " + topic, topic, "DRAFT")).getString("id");
            given().contentType(MERGE_PATCH_JSON).body(Map.of("title", "Still a draft " + topic)).patch(EVENTS + "/" + draft)
                    .then().statusCode(200);
            String published = createEvent(event("Public " + topic, topic, "PUBLISHED")).getString("id");

            eventually("the published event arrives", WITHIN, () -> receiver.received().size() == 1);
            String body = receiver.received().get(0).body();
            assertTrue(body.contains(published));
            assertFalse(body.contains(draft), "the draft appeared in a delivery");
            assertFalse(body.contains("Still a draft"), "the draft's title appeared in a delivery");
            assertEquals(1, deliveries(webhookId).size());
        }
    }

    @Test
    void eachSubscriptionReceivesChangesInCommitOrderUnderConcurrentWrites() throws Exception {
        String topic = uniqueTag();
        try (Receiver first = Receiver.ok(); Receiver second = Receiver.ok()) {
            subscribe(fields(first.url(), List.of("event.*"), topic));
            subscribe(fields(second.url(), List.of("event.created", "event.updated"), topic));
            String cursor = given().queryParam("after", "now").get("/api/v1/changes").then().extract().path("nextCursor");

            ExecutorService writers = Executors.newFixedThreadPool(4);
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                done.add(writers.submit(() -> {
                    for (int i = 0; i < 6; i++) {
                        String id = createEvent(topic).getString("id");
                        given().contentType(MERGE_PATCH_JSON).body(Map.of("summary", "Update " + i)).patch(EVENTS + "/" + id)
                                .then().statusCode(200);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
            writers.shutdown();

            List<String> committed = streamOrder(cursor, topic);
            assertEquals(48, committed.size(), "24 creates and 24 updates in the stream");
            for (Receiver receiver : List.of(first, second)) {
                eventually("all 48 changes delivered", WITHIN, () -> distinctInOrder(receiver).size() >= 48);
                assertEquals(committed, distinctInOrder(receiver), "deliveries follow commit order");
            }
        }
    }

    @Test
    void changesWaitingForADownReceiverShowAsTheWebhooksLagBehindTheLog() throws Exception {
        String topic = uniqueTag();
        try (Receiver receiver = Receiver.answering(r -> Receiver.Answer.status(503))) {
            String webhookId = subscribe(fields(receiver.url(), List.of("event.created"), topic)).getString("id");
            createEvent(topic);
            eventually("the first delivery is retried", WITHIN, () -> !receiver.received().isEmpty());
            createEvent(topic);
            createEvent(topic);
            eventually("the two changes behind the undelivered one count as the webhooks' lag", WITHIN,
                    () -> webhooksLag() >= 2);
            given().delete(WEBHOOKS + "/" + webhookId).then().statusCode(204);
        }
    }

    /** registry_follower_lag{follower="webhooks"} at /q/metrics (-1 while it is not there). */
    private static double webhooksLag() {
        String series = "registry_follower_lag{follower=\"webhooks\"} ";
        return given().get("/q/metrics").then().statusCode(200).extract().asString().lines()
                .filter(line -> line.startsWith(series)).mapToDouble(line -> Double.parseDouble(line.substring(series.length())))
                .findFirst().orElse(-1);
    }

    @Test
    void retriesAfterServerErrorsWithTheSameWebhookId() throws Exception {
        String topic = uniqueTag();
        List<Integer> answers = new ArrayList<>(List.of(500, 503));
        try (Receiver receiver = Receiver.answering(r -> Receiver.Answer.status(answers.isEmpty() ? 200 : answers.remove(0)))) {
            String webhookId = subscribe(fields(receiver.url(), List.of("event.created"), topic)).getString("id");
            createEvent(topic);

            eventually("the third attempt succeeds", WITHIN, () -> !deliveries(webhookId).isEmpty()
                    && "DELIVERED".equals(deliveries(webhookId).get(0).get("status")));
            Map<String, Object> delivery = deliveries(webhookId).get(0);
            assertEquals(3, delivery.get("attempts"));
            assertEquals(200, delivery.get("responseCode"));
            assertEquals(3, receiver.received().size());
            assertEquals(1, receiver.received().stream().map(r -> r.header("webhook-id")).distinct().count(),
                    "every attempt carries the same webhook-id");
        }
    }

    @Test
    void retriesWhileTheReceiverIsDownAndDeliversWhenItComesBack() throws Exception {
        String topic = uniqueTag();
        int port;
        try (Receiver probe = Receiver.ok()) {
            port = probe.port();
        }
        String webhookId = subscribe(fields("http://127.0.0.1:" + port + "/hook", List.of("event.*"), topic)).getString("id");
        String first = createEvent(topic).getString("id");
        String second = createEvent(topic).getString("id");
        eventually("two failed attempts", WITHIN, () -> deliveries(webhookId).stream()
                .anyMatch(d -> ((Integer) d.get("attempts")) >= 2 && d.get("error") != null));
        try (Receiver receiver = Receiver.on(port, r -> Receiver.Answer.status(200))) {
            eventually("both changes delivered", WITHIN, () -> receiver.received().size() >= 2);
            List<String> bodies = receiver.received().stream().map(Receiver.Received::body).toList();
            assertTrue(bodies.get(0).contains(first) && bodies.get(1).contains(second), "in order, nothing lost");
        }
    }

    @Test
    void aSlowReceiverDelaysNeitherAnotherSubscriptionNorTheApi() throws Exception {
        String topic = uniqueTag();
        CountDownLatch release = new CountDownLatch(1);
        long slowSeconds = Long.getLong("webhooks.slow-seconds", 10);
        try (Receiver slow = Receiver.answering(r -> {
            try {
                release.await(slowSeconds, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Receiver.Answer.status(200);
        }); Receiver fast = Receiver.ok()) {
            subscribe(fields(slow.url(), List.of("event.*"), topic));
            subscribe(fields(fast.url(), List.of("event.*"), topic));
            for (int i = 0; i < 3; i++) {
                createEvent(topic);
            }
            eventually("the fast receiver has all three", WITHIN, () -> fast.received().size() == 3);
            assertEquals(1, slow.received().size(), "the slow receiver is still on its first answer");
            assertEquals(1, release.getCount(), "the slow answer has not been released yet");
            given().get(EVENTS).then().statusCode(200);
            createEvent(topic);
            eventually("the fast receiver gets a fourth", WITHIN, () -> fast.received().size() == 4);
            release.countDown();
            eventually("the slow receiver catches up", WITHIN, () -> slow.received().size() == 4);
        }
    }

    @Test
    void aRedirectIsNotFollowed() throws Exception {
        String topic = uniqueTag();
        try (Receiver target = Receiver.ok();
             Receiver redirecting = Receiver.answering(r -> new Receiver.Answer(307, Map.of("Location", target.url())))) {
            String webhookId = subscribe(fields(redirecting.url(), List.of("event.*"), topic)).getString("id");
            createEvent(topic);
            eventually("the delivery is given up", WITHIN, () -> !deliveries(webhookId).isEmpty()
                    && "FAILED".equals(deliveries(webhookId).get(0).get("status")));
            assertEquals(307, deliveries(webhookId).get(0).get("responseCode"));
            assertEquals(1, redirecting.received().size());
            assertEquals(0, target.received().size(), "the redirect was followed");
        }
    }

    @Test
    void aGoneReceiverDisablesTheSubscriptionUntilItsOwnerResumesIt() throws Exception {
        String topic = uniqueTag();
        try (Receiver receiver = Receiver.answering(r -> Receiver.Answer.status(410))) {
            String webhookId = subscribe(fields(receiver.url(), List.of("event.*"), topic)).getString("id");
            createEvent(topic);
            eventually("the subscription is disabled", WITHIN, () -> !webhook(webhookId).getBoolean("active"));
            assertTrue(webhook(webhookId).getString("pausedReason").contains("410"));
            given().post(WEBHOOKS + "/" + webhookId + "/ping").then().spec(RegistryApi.problem(409));

            receiver.answer(r -> Receiver.Answer.status(200));
            given().contentType(MERGE_PATCH_JSON).body(Map.of("active", true)).patch(WEBHOOKS + "/" + webhookId)
                    .then().statusCode(200);
            createEvent(topic);
            eventually("deliveries go on after the resume", WITHIN, () -> receiver.received().size() == 2);
        }
    }

    @Test
    void failuresPastTheRetryPeriodPauseTheSubscriptionWhichResumesWhereItStopped() throws Exception {
        String topic = uniqueTag();
        try (Receiver receiver = Receiver.answering(r -> new Receiver.Answer(429, Map.of("Retry-After", "1")))) {
            String webhookId = subscribe(fields(receiver.url(), List.of("event.*"), topic)).getString("id");
            String first = createEvent(topic).getString("id");
            eventually("the subscription is paused", WITHIN, () -> !webhook(webhookId).getBoolean("active"));
            assertTrue(webhook(webhookId).getString("pausedReason").startsWith("Deliveries failed for"),
                    webhook(webhookId).getString("pausedReason"));
            Map<String, Object> held = deliveries(webhookId).get(0);
            assertEquals("PENDING", held.get("status"));
            assertEquals(429, held.get("responseCode"));
            String second = createEvent(topic).getString("id");

            receiver.answer(r -> Receiver.Answer.status(200));
            int before = receiver.received().size();
            given().contentType(MERGE_PATCH_JSON).body(Map.of("active", true)).patch(WEBHOOKS + "/" + webhookId)
                    .then().statusCode(200);
            eventually("both changes delivered after the resume", WITHIN, () -> receiver.received().size() == before + 2);
            List<Receiver.Received> after = receiver.received().subList(before, before + 2);
            assertTrue(after.get(0).body().contains(first) && after.get(1).body().contains(second), "in order");
            assertEquals(null, webhook(webhookId).getString("pausedReason"));
        }
    }

    @Test
    void pingAndRedeliverSendSignedMessagesTheLogShows() throws Exception {
        try (Receiver receiver = Receiver.ok()) {
            JsonPath subscription = subscribe(fields(receiver.url(), List.of("speaker.*"), null));
            String webhookId = subscription.getString("id");
            Webhook verifier = new Webhook(subscription.getString("secret"));
            String pingId = given().post(WEBHOOKS + "/" + webhookId + "/ping").then().statusCode(202).extract().path("id");
            eventually("the ping arrives", WITHIN, () -> receiver.received().size() == 1);
            Receiver.Received ping = receiver.received().get(0);
            verifier.verify(ping.body(), ping.headers());
            assertEquals("webhook.ping", JSON.readTree(ping.body()).path("type").asText());

            given().post(WEBHOOKS + "/" + webhookId + "/deliveries/" + pingId + "/redeliver").then().statusCode(202)
                    .extract().path("messageId");
            eventually("the redelivery arrives", WITHIN, () -> receiver.received().size() == 2);
            Receiver.Received again = receiver.received().get(1);
            verifier.verify(again.body(), again.headers());
            assertEquals(ping.header("webhook-id"), again.header("webhook-id"));
            eventually("the log shows both delivered", WITHIN, () -> deliveries(webhookId).stream()
                    .filter(d -> "DELIVERED".equals(d.get("status"))).count() == 2);
            Map<String, Object> logged = deliveries(webhookId).get(0);
            assertEquals(1, logged.get("attempts"));
            assertNotNull(logged.get("latencyMs"));
        }
    }

    @Test
    void aRotatedSecretSignsBesideThePreviousOneForTheGracePeriod() throws Exception {
        try (Receiver receiver = Receiver.ok()) {
            JsonPath subscription = subscribe(fields(receiver.url(), List.of("event.*"), uniqueTag()));
            String webhookId = subscription.getString("id");
            String old = subscription.getString("secret");
            JsonPath rotated = given().queryParam("gracePeriod", "PT1H").post(WEBHOOKS + "/" + webhookId + "/rotate-secret")
                    .then().statusCode(200).extract().jsonPath();
            String fresh = rotated.getString("secret");
            assertFalse(fresh.equals(old));
            assertNotNull(rotated.getString("previousSecretExpiresAt"));
            given().get(WEBHOOKS + "/" + webhookId).then().statusCode(200).body("secret", org.hamcrest.Matchers.nullValue());

            given().post(WEBHOOKS + "/" + webhookId + "/ping").then().statusCode(202);
            eventually("the ping arrives", WITHIN, () -> receiver.received().size() == 1);
            Receiver.Received ping = receiver.received().get(0);
            assertEquals(2, ping.header("webhook-signature").split(" ").length);
            new Webhook(old).verify(ping.body(), ping.headers());
            new Webhook(fresh).verify(ping.body(), ping.headers());
        }
    }

    /** The (id, version) of each change of the topic's events in the stream after the cursor, in commit order. */
    private static List<String> streamOrder(String cursor, String topic) throws Exception {
        List<String> order = new ArrayList<>();
        JsonNode page = JSON.readTree(given().queryParam("after", cursor).queryParam("type", "event").queryParam("limit", 1000)
                .get("/api/v1/changes").then().statusCode(200).extract().asString());
        for (JsonNode change : page.path("items")) {
            if (change.path("record").path("topics").toString().contains(topic)) {
                order.add(change.path("id").asText() + "@" + change.path("version").asText());
            }
        }
        return order;
    }

    /** What a receiver got, in arrival order, duplicates (at-least-once) dropped. */
    private static List<String> distinctInOrder(Receiver receiver) {
        List<String> seen = new ArrayList<>();
        Set<String> ids = new java.util.HashSet<>();
        for (Receiver.Received r : receiver.received()) {
            try {
                JsonNode data = JSON.readTree(r.body()).path("data");
                String key = data.path("id").asText() + "@" + data.path("version").asText();
                if (ids.add(key)) {
                    seen.add(key);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return seen;
    }
}
