package org.eventregistry;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.eventregistry.generated.ApiOperation;
import org.eventregistry.generated.OperationCatalog;
import org.eventregistry.generated.RawHttp;
import org.eventregistry.generated.RawRequest;
import org.eventregistry.generated.RawResponse;
import org.eventregistry.generated.RequestGenerator;
import org.eventregistry.generated.ServerLog;
import org.eventregistry.generated.Shrinker;
import org.eventregistry.generated.Targets;
import org.eventregistry.generated.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

import static org.eventregistry.RegistryApi.ADMIN_TOKEN;
import static org.eventregistry.RegistryApi.EVENTS;
import static org.eventregistry.RegistryApi.PROBLEM_JSON;
import static org.eventregistry.RegistryApi.event;
import static org.eventregistry.RegistryApi.given;
import static org.eventregistry.RegistryApi.issueToken;
import static org.eventregistry.RegistryApi.uniqueTag;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Property-based robustness: for every operation of the committed OpenAPI document, thousands of generated requests
 * (odd query strings, headers and bodies derived from the request schema and then broken, with and without a token)
 * never get a 5xx, every 4xx is a problem+json document carrying its status, and a write that is refused changes
 * nothing: not the audit log, not the public change stream, not the records.
 *
 * <p>The generator is our own ({@link RequestGenerator}, one {@link java.util.Random} with a fixed seed) inside a
 * plain {@code @QuarkusTest}: jqwik's engine does not run the Quarkus JUnit extension, so a jqwik {@code @Property}
 * in a {@code @QuarkusTest} class is not even discovered. Requests go over a raw socket ({@link RawHttp}) so that
 * malformed percent-escapes, missing or odd Content-Types and invalid UTF-8 reach the service unaltered.
 *
 * <p>Run with another seed or a larger budget: {@code -Dgenerated.seed=7 -Dgenerated.rounds=300 -Dgenerated.seconds=600}.
 */
@QuarkusTest
class GeneratedRequestsTest {

    private static final long SEED = Long.getLong("generated.seed", 20_260_426L);
    /** Generated requests per operation for the 5xx and problem checks (one per operation per round). */
    private static final int ROUNDS = Integer.getInteger("generated.rounds", 90);
    /** Requests meant to be refused per write operation. */
    private static final int REFUSED_PER_WRITE = Integer.getInteger("generated.refused", 40);
    /** Wall-clock budget of each test's generation loop; the loop stops early when it is spent. */
    private static final Duration BUDGET = Duration.ofSeconds(Long.getLong("generated.seconds", 45));
    private static final int REFUSED_BATCH = 8;

    private static OperationCatalog catalog;
    private static Targets targets;
    private static RawHttp http;
    private static ServerLog serverLog;

    /** What one request got: the answer, and what the service logged at WARN or above while answering it. */
    private record Exchange(RawRequest request, RawResponse response, List<String> log) {
    }

    /** A distinct failure: first request (later shrunk), its answer, and how often the same failure came up. */
    private static final class Failure {
        final String key;
        RawRequest request;
        Exchange exchange;
        int count;
        String note = "";

        Failure(String key, Exchange exchange) {
            this.key = key;
            this.exchange = exchange;
            this.request = exchange == null ? null : exchange.request();
        }
    }

    // ---- the properties --------------------------------------------------------------------------------------------

    @Test
    void noGeneratedRequestGetsAServerError() {
        setUpOnce();
        List<ApiOperation> operations = catalog.operations();
        RequestGenerator generator = new RequestGenerator(SEED, targets, catalog.enumValues());
        Map<String, Map<Integer, Integer>> statuses = new LinkedHashMap<>();
        operations.forEach(op -> statuses.put(op.name(), new TreeMap<>()));
        Map<String, Failure> failures = new LinkedHashMap<>();
        long started = System.nanoTime();
        long deadline = started + BUDGET.toNanos();
        int sent = 0;
        int rounds = 0;
        boolean cut = false;
        rounds:
        for (int round = 0; round < ROUNDS; round++) {
            for (ApiOperation op : operations) {
                if (System.nanoTime() > deadline) {
                    cut = true;
                    break rounds;
                }
                Exchange exchange = exchange(generator.any(op));
                sent++;
                statuses.get(op.name()).merge(exchange.response().status(), 1, Integer::sum);
                String key = answerFault(op, exchange);
                if (key != null) {
                    failures.computeIfAbsent(key, k -> new Failure(k, exchange)).count++;
                }
                if (exchange.request().isWrite() && exchange.response().status() / 100 == 2) {
                    refresh(op);
                }
            }
            rounds++;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        shrink(failures, operations, f -> {
            ApiOperation op = operationNamed(operations, f.request.operation());
            return r -> f.key.equals(answerFault(op, exchange(r)));
        });
        printSummary("noGeneratedRequestGetsAServerError", SEED, statuses, sent, seconds, cut, rounds, failures);
        assertTrue(sent >= operations.size(), "not even one request per operation was sent within " + BUDGET);
        if (!failures.isEmpty()) {
            fail(report(failures.size() + " distinct wrong answers (5xx, or a 4xx that is not problem+json with its status) among "
                    + sent + " generated requests to " + operations.size() + " operations (seed " + SEED + ")", failures));
        }
    }

    @Test
    void refusedWritesStoreNothing() {
        setUpOnce();
        List<ApiOperation> writes = catalog.operations().stream().filter(ApiOperation::isWrite).toList();
        RequestGenerator generator = new RequestGenerator(SEED + 1, targets, catalog.enumValues());
        Map<String, Map<Integer, Integer>> statuses = new LinkedHashMap<>();
        writes.forEach(op -> statuses.put(op.name(), new TreeMap<>()));
        Map<String, Failure> failures = new LinkedHashMap<>();
        List<String> accepted = new ArrayList<>();
        oracleSeesAWrite();
        long started = System.nanoTime();
        long deadline = started + BUDGET.toNanos();
        int sent = 0;
        int rounds = 0;
        boolean cut = false;
        rounds:
        for (int round = 0; round * REFUSED_BATCH < REFUSED_PER_WRITE; round++) {
            for (ApiOperation op : writes) {
                if (System.nanoTime() > deadline) {
                    cut = true;
                    break rounds;
                }
                Map<String, String> before = fullFingerprint();
                Light light = light();
                boolean batchAccepted = false;
                boolean batchFailed = false;
                List<String> batch = new ArrayList<>();
                for (int i = 0; i < REFUSED_BATCH; i++) {
                    RequestGenerator.Refusal refusal = generator.refused(op);
                    Exchange exchange = exchange(refusal.request());
                    sent++;
                    int status = exchange.response().status();
                    statuses.get(op.name()).merge(status, 1, Integer::sum);
                    batch.add(refusal.reason() + " → " + status);
                    if (status >= 200 && status < 400) {
                        batchAccepted = true;
                        accepted.add(op.name() + " (" + refusal.reason() + ") → " + status + ": " + refusal.request().brief());
                        refresh(op);
                        light = light();
                        continue;
                    }
                    Light after = light.next();
                    if (!after.sameAs(light)) {
                        batchFailed = true;
                        String key = op.name() + " → " + status + " " + exchange.response().problemType() + " (refused: "
                                + refusal.reason() + ") yet " + after.difference(light);
                        Failure failure = failures.computeIfAbsent(key, k -> new Failure(k, exchange));
                        failure.count++;
                        failure.note = after.describeChanges();
                        refresh(op);
                        after = light();
                    }
                    light = after;
                }
                Map<String, String> afterBatch = fullFingerprint();
                if (!batchAccepted && !batchFailed && !afterBatch.equals(before)) {
                    String key = op.name() + ": a batch of refused requests changed " + difference(before, afterBatch);
                    Failure failure = new Failure(key, null);
                    failure.count = 1;
                    failure.note = "the batch: " + String.join("; ", batch);
                    failures.putIfAbsent(key, failure);
                }
            }
            rounds++;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        printSummary("refusedWritesStoreNothing", SEED + 1, statuses, sent, seconds, cut, rounds, failures);
        System.out.println("Requests meant to be refused that were accepted (" + accepted.size() + "; not checked further):");
        accepted.stream().limit(40).forEach(a -> System.out.println("  " + a));
        assertTrue(sent >= writes.size(), "not even one request per write operation was sent within " + BUDGET);
        if (!failures.isEmpty()) {
            fail(report(failures.size() + " kinds of refused write changed the registry's state among " + sent
                    + " requests meant to be refused (seed " + (SEED + 1) + ")", failures));
        }
    }

    /** The fingerprints must notice a write at all, or "nothing changed" would prove nothing. */
    private static void oracleSeesAWrite() {
        Light light = light();
        Map<String, String> full = fullFingerprint();
        given().contentType(ContentType.JSON).body(event("Oracle check " + uniqueTag(), uniqueTag(), "PUBLISHED"))
                .post(EVENTS).then().statusCode(201);
        Light after = light.next();
        assertTrue(after.auditTotal() > light.auditTotal() && !after.newChanges().isEmpty(),
                "the light fingerprint (audit log size, change stream) misses a created event: " + light + " then " + after);
        assertTrue(!full.equals(fullFingerprint()), "the full fingerprint misses a created event");
    }

    // ---- checks --------------------------------------------------------------------------------------------------

    /** Null when the answer is acceptable; else a key naming the fault: operation, status, problem type (and cause). */
    private static String answerFault(ApiOperation op, Exchange exchange) {
        RawResponse response = exchange.response();
        int status = response.status();
        if (status < 0) {
            return op.name() + " → no HTTP answer (" + response.transportError().replaceAll("\\d+", "N") + ")";
        }
        if (status >= 500) {
            String cause = ServerLog.rootCause(exchange.log());
            return op.name() + " → " + status + " " + response.problemType() + (cause.isEmpty() ? "" : " (" + cause + ")");
        }
        if (status >= 400) {
            if (status == 400 && response.contentType().isEmpty() && !isUri(exchange.request().target())) {
                // Known limit (README, "Limits and hostile input"): Quarkus checks the request target before any
                // route runs and answers one it cannot parse as a URI (%ZZ, a lone %) with a bare 400.
                return null;
            }
            if (!response.contentType().startsWith(PROBLEM_JSON)) {
                return op.name() + " → " + status + " with Content-Type " + (response.contentType().isEmpty() ? "(none)" : response.contentType())
                        + ", not " + PROBLEM_JSON;
            }
            JsonNode problem = response.json();
            if (problem == null || !problem.isObject()) {
                return op.name() + " → " + status + " " + PROBLEM_JSON + " whose body is not a JSON object";
            }
            if (!problem.path("status").isIntegralNumber() || problem.path("status").asInt() != status) {
                return op.name() + " → " + status + " " + response.problemType() + " whose status member is " + problem.path("status");
            }
        }
        return null;
    }

    private static boolean isUri(String target) {
        try {
            new java.net.URI(target);
            return true;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static Exchange exchange(RawRequest request) {
        int mark = serverLog.mark();
        RawResponse response = http.send(request);
        return new Exchange(request, response, serverLog.since(mark));
    }

    // ---- the registry's state ------------------------------------------------------------------------------------

    /** A GET over the raw client (much cheaper than REST Assured, which matters for fingerprints taken this often). */
    private static RawResponse read(String target, String token) {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        headers.add(Map.entry("Accept", "application/json"));
        if (token != null) {
            headers.add(Map.entry("Authorization", "Bearer " + token));
        }
        return http.send(new RawRequest("fingerprint", "GET", target, List.of(), headers, null));
    }

    private static JsonNode readJson(String target, String token) {
        RawResponse response = read(target, token);
        JsonNode json = response.json();
        if (response.status() != 200 || json == null) {
            throw new AssertionError("GET " + target + " answered " + response.status() + " " + response.excerpt(300));
        }
        return json;
    }

    /** The cheap fingerprint taken around every refused write: the audit log's size and the public change stream. */
    private record Light(long auditTotal, String cursor, List<String> newChanges) {

        Light next() {
            JsonNode page = readJson("/api/v1/changes?limit=20&after=" + cursor, null);
            List<String> items = new ArrayList<>();
            page.path("items").forEach(c -> items.add(c.path("operation").asText() + " " + c.path("kind").asText() + " " + c.path("id").asText()));
            return new Light(auditLogSize(), page.path("nextCursor").asText(), items);
        }

        boolean sameAs(Light before) {
            return auditTotal == before.auditTotal && newChanges.isEmpty();
        }

        String difference(Light before) {
            List<String> changed = new ArrayList<>();
            if (auditTotal != before.auditTotal) {
                changed.add("the audit log grew by " + (auditTotal - before.auditTotal));
            }
            if (!newChanges.isEmpty()) {
                changed.add("the change stream moved by " + newChanges.size());
            }
            return String.join(" and ", changed);
        }

        String describeChanges() {
            return newChanges.isEmpty() ? "" : "changes: " + newChanges;
        }
    }

    private static Light light() {
        return new Light(auditLogSize(), readJson("/api/v1/changes?after=now", null).path("nextCursor").asText(), List.of());
    }

    private static long auditLogSize() {
        return readJson("/api/v1/admin/audit?limit=1", ADMIN_TOKEN).path("total").asLong();
    }

    /** Everything a refused write could have touched: counts of every collection, and the records the requests aim at. */
    private static Map<String, String> fullFingerprint() {
        Map<String, String> state = new LinkedHashMap<>();
        state.put("audit log size", String.valueOf(auditLogSize()));
        state.put("change stream head", readJson("/api/v1/changes?after=now", null).path("nextCursor").asText());
        for (String list : List.of(EVENTS, "/api/v1/speakers", "/api/v1/publications", "/api/v1/admin/tokens")) {
            state.put(list + " total", readJson(list + "?limit=1", ADMIN_TOKEN).path("total").asText());
        }
        state.put("event", versionOf(EVENTS + "/" + targets.eventId));
        state.put("draft event", versionOf(EVENTS + "/" + targets.draftEventId));
        state.put("speaker", versionOf("/api/v1/speakers/" + targets.speakerId));
        state.put("publication", versionOf("/api/v1/publications/" + targets.publicationId));
        state.put("line-up", read(EVENTS + "/" + targets.eventId + "/speakers", ADMIN_TOKEN).text());
        RawResponse token = read("/api/v1/admin/tokens/" + targets.tokenId, ADMIN_TOKEN);
        JsonNode json = token.json();
        state.put("token", token.status() + (json == null ? "" : " " + json.path("state").asText() + " " + json.path("revokedAt").asText()
                + " " + json.path("name").asText() + " " + json.path("role").asText()));
        return state;
    }

    private static String versionOf(String path) {
        RawResponse response = read(path, ADMIN_TOKEN);
        JsonNode json = response.json();
        return response.status() + (response.status() == 200 && json != null
                ? " v" + json.path("version").asText() + " " + json.path("slug").asText() + " " + json.path("updatedAt").asText() : "");
    }

    private static String difference(Map<String, String> before, Map<String, String> after) {
        List<String> changed = new ArrayList<>();
        before.forEach((name, value) -> {
            if (!Objects.equals(value, after.get(name))) {
                changed.add(name + " (" + abbreviate(value, 80) + " → " + abbreviate(after.get(name), 80) + ")");
            }
        });
        return String.join(", ", changed);
    }

    // ---- the records the requests aim at -------------------------------------------------------------------------

    private static synchronized void setUpOnce() {
        if (catalog != null) {
            return;
        }
        try {
            catalog = OperationCatalog.committed();
        } catch (IOException e) {
            throw new IllegalStateException("openapi/openapi.yaml cannot be read", e);
        }
        assertTrue(catalog.operations().size() >= 30, "only " + catalog.operations().size() + " operations in the document");
        http = new RawHttp("localhost", RestAssured.port);
        serverLog = ServerLog.install();
        targets = new Targets();
        targets.adminToken = ADMIN_TOKEN;
        targets.staffToken = issueToken("STAFF");
        targets.partnerToken = issueToken("PARTNER");
        Tokens.name(ADMIN_TOKEN, "ADMIN");
        Tokens.name(targets.staffToken, "STAFF");
        Tokens.name(targets.partnerToken, "PARTNER");
        createSpeaker();
        createEvent();
        createDraftEvent();
        createLineupEntry();
        createPublication();
        createToken();
        Map<String, Object> bodies = Map.of(
                EVENTS, RegistryApi.minimalEvent(uniqueTag()),
                "/api/v1/speakers", Map.of("givenName", "Idempotent", "familyName", uniqueTag()),
                "/api/v1/publications", Map.of("type", "REPORT", "title", "Idempotent " + uniqueTag()));
        bodies.forEach((collection, body) -> {
            String key = "used-" + uniqueTag();
            given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body).post(collection).then().statusCode(201);
            targets.usedIdempotencyKeys.put(collection, key);
        });
        for (String list : List.of(EVENTS, "/api/v1/speakers", "/api/v1/publications", "/api/v1/admin/audit", "/api/v1/admin/tokens",
                "/api/v1/changes", "/api/v1/speakers/" + targets.speakerId + "/events")) {
            String cursor = given().queryParam("limit", 1).get(list).then().statusCode(200).extract().path("nextCursor");
            if (cursor != null) {
                targets.cursors.add(cursor);
            }
        }
        refreshEntityTags();
    }

    @AfterAll
    static void removeLogHandler() {
        if (serverLog != null) {
            serverLog.uninstall();
        }
    }

    private static void createSpeaker() {
        String tag = uniqueTag();
        JsonPath speaker = given().contentType(ContentType.JSON)
                .body(Map.of("givenName", "Generated", "familyName", "Target " + tag, "topics", List.of(tag)))
                .post("/api/v1/speakers").then().statusCode(201).extract().jsonPath();
        targets.speakerId = speaker.getString("id");
        targets.speakerSlug = speaker.getString("slug");
    }

    private static void createEvent() {
        JsonPath created = RegistryApi.createEvent(event("Generated target " + uniqueTag(), uniqueTag(), "PUBLISHED"));
        targets.eventId = created.getString("id");
        targets.eventSlug = created.getString("slug");
    }

    private static void createDraftEvent() {
        JsonPath created = RegistryApi.createEvent(event("Generated draft " + uniqueTag(), uniqueTag(), "DRAFT"));
        targets.draftEventId = created.getString("id");
        targets.draftEventSlug = created.getString("slug");
    }

    private static void createLineupEntry() {
        targets.lineupEntryId = given().contentType(ContentType.JSON)
                .body(Map.of("speaker", targets.speakerId, "role", "MODERATOR"))
                .post(EVENTS + "/" + targets.eventId + "/speakers").then().statusCode(201).extract().path("id");
    }

    private static void createPublication() {
        String tag = uniqueTag();
        JsonPath created = given().contentType(ContentType.JSON)
                .body(Map.of("type", "ESSAY", "title", "Generated target " + tag, "topics", List.of(tag),
                        "authors", List.of(targets.speakerId), "relatedEvents", List.of(targets.eventId)))
                .post("/api/v1/publications").then().statusCode(201).extract().jsonPath();
        targets.publicationId = created.getString("id");
        targets.publicationSlug = created.getString("slug");
    }

    private static void createToken() {
        targets.tokenId = given().contentType(ContentType.JSON)
                .body(Map.of("name", "generated target " + uniqueTag(), "role", "PARTNER"))
                .post("/api/v1/admin/tokens").then().statusCode(201).extract().path("id");
    }

    /** After an accepted write: bring back what it deleted, and follow slugs and line-up places it changed. */
    private static void refresh(ApiOperation op) {
        String template = op.template();
        if (template.startsWith("/api/v1/admin/tokens/")) {
            RawResponse token = read("/api/v1/admin/tokens/" + targets.tokenId, ADMIN_TOKEN);
            if (token.status() != 200 || !"ACTIVE".equals(token.json().path("state").asText())) {
                createToken();
            }
        } else if (template.startsWith(EVENTS + "/")) {
            RawResponse event = read(EVENTS + "/" + targets.eventId, ADMIN_TOKEN);
            if (event.status() == 404) {
                createEvent();
            } else {
                targets.eventSlug = event.json().path("slug").asText();
            }
            RawResponse draft = read(EVENTS + "/" + targets.draftEventId, ADMIN_TOKEN);
            if (draft.status() == 404) {
                createDraftEvent();
            } else {
                targets.draftEventSlug = draft.json().path("slug").asText();
            }
            refreshLineup();
        } else if (template.startsWith("/api/v1/speakers/")) {
            RawResponse speaker = read("/api/v1/speakers/" + targets.speakerId, ADMIN_TOKEN);
            if (speaker.status() == 404) {
                createSpeaker();
            } else {
                targets.speakerSlug = speaker.json().path("slug").asText();
            }
            refreshLineup();
        } else if (template.startsWith("/api/v1/publications/")) {
            RawResponse publication = read("/api/v1/publications/" + targets.publicationId, ADMIN_TOKEN);
            if (publication.status() == 404) {
                createPublication();
            } else {
                targets.publicationSlug = publication.json().path("slug").asText();
            }
        } else {
            return;
        }
        refreshEntityTags();
    }

    private static void refreshLineup() {
        JsonNode lineup = readJson(EVENTS + "/" + targets.eventId + "/speakers", ADMIN_TOKEN);
        String ours = null;
        for (JsonNode place : lineup) {
            if (place.path("id").asText().equals(targets.lineupEntryId)) {
                return;
            }
            if (place.path("speaker").path("id").asText().equals(targets.speakerId)) {
                ours = place.path("id").asText();
            }
        }
        if (ours != null) {
            targets.lineupEntryId = ours;
        } else {
            createLineupEntry();
        }
    }

    private static void refreshEntityTags() {
        targets.remember();
        targets.etags.clear();
        for (String path : List.of(EVENTS + "/" + targets.eventId, EVENTS + "/" + targets.draftEventId,
                "/api/v1/speakers/" + targets.speakerId, "/api/v1/publications/" + targets.publicationId)) {
            String etag = read(path, ADMIN_TOKEN).header("ETag");
            if (etag != null) {
                targets.etags.add(etag);
            }
        }
    }

    // ---- reporting -----------------------------------------------------------------------------------------------

    private static void shrink(Map<String, Failure> failures, List<ApiOperation> operations,
                               Function<Failure, java.util.function.Predicate<RawRequest>> sameFailure) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        List<Failure> order = new ArrayList<>();
        Map<String, List<Failure>> classes = byClass(failures);
        classes.values().forEach(members -> order.add(members.get(0)));
        classes.values().forEach(members -> order.addAll(members.subList(1, members.size())));
        for (Failure failure : order) {
            if (System.nanoTime() > deadline || failure.exchange == null) {
                continue;
            }
            java.util.function.Predicate<RawRequest> same = sameFailure.apply(failure);
            RawRequest start = failure.request;
            RawRequest aimed = start.withPath(targets.retarget(start.path()));
            if (!aimed.path().equals(start.path()) && same.test(aimed)) {
                start = aimed; // the same request at the target records as they are now (ids, not old slugs)
            }
            RawRequest shrunk = new Shrinker(r -> System.nanoTime() < deadline && same.test(r), 80).shrink(start);
            Exchange replay = exchange(shrunk);
            if (same.test(shrunk)) {
                // report the answer and log of the small request; else keep the original (the records may have moved on)
                failure.request = shrunk;
                failure.exchange = replay;
            }
        }
    }

    private static ApiOperation operationNamed(List<ApiOperation> operations, String name) {
        return operations.stream().filter(op -> op.name().equals(name)).findFirst().orElseThrow();
    }

    private static void printSummary(String test, long seed, Map<String, Map<Integer, Integer>> statuses, int sent, double seconds,
                                     boolean cut, int rounds, Map<String, Failure> failures) {
        StringBuilder out = new StringBuilder();
        out.append("\n=== ").append(test).append(": ").append(sent).append(" generated requests to ").append(statuses.size())
                .append(" operations in ").append(String.format("%.1f", seconds)).append(" s (seed ").append(seed).append(", ")
                .append(cut ? "stopped by the " + BUDGET.toSeconds() + " s budget after " + rounds + " full rounds" : "all rounds done")
                .append(")\n");
        Map<Integer, Integer> all = new TreeMap<>();
        statuses.forEach((op, counts) -> {
            int n = counts.values().stream().mapToInt(Integer::intValue).sum();
            out.append(String.format("  %-50s %5d  ", op, n));
            counts.forEach((status, count) -> {
                out.append(status < 0 ? "none" : status).append('×').append(count).append(' ');
                all.merge(status, count, Integer::sum);
            });
            out.append('\n');
        });
        out.append("  statuses overall: ").append(all).append('\n');
        out.append("  distinct failures: ").append(failures.size()).append('\n');
        failures.values().forEach(f -> out.append("    ").append(f.count).append("× ").append(f.key).append('\n'));
        System.out.println(out);
    }

    /** The failure without its operation ("500 /problems/internal-error (SomeException)"): one likely cause. */
    private static String faultClass(String key) {
        int arrow = key.indexOf(" → ");
        return arrow < 0 ? key : key.substring(arrow + 3);
    }

    private static Map<String, List<Failure>> byClass(Map<String, Failure> failures) {
        Map<String, List<Failure>> classes = new LinkedHashMap<>();
        failures.values().forEach(f -> classes.computeIfAbsent(faultClass(f.key), c -> new ArrayList<>()).add(f));
        return classes;
    }

    /** Every distinct failure (operation + status + problem type), grouped by what went wrong, each with a reproduction. */
    private static String report(String headline, Map<String, Failure> failures) {
        Map<String, List<Failure>> classes = byClass(failures);
        StringBuilder out = new StringBuilder(headline).append(", in ").append(classes.size()).append(" kinds:\n");
        int kind = 0;
        for (Map.Entry<String, List<Failure>> entry : classes.entrySet()) {
            List<Failure> members = entry.getValue();
            int total = members.stream().mapToInt(f -> f.count).sum();
            out.append("\n(").append(++kind).append(") ").append(entry.getKey()).append(" — ").append(members.size())
                    .append(members.size() == 1 ? " operation, " : " operations, ").append(total).append(" requests\n");
            Failure first = members.get(0);
            if (first.exchange != null) {
                RawResponse response = first.exchange.response();
                out.append("    answer: ").append(response.status() < 0 ? response.transportError() : response.status() + " "
                        + (response.contentType().isEmpty() ? "(no Content-Type)" : response.contentType()) + " "
                        + (response.body().length == 0 ? "(empty body)" : response.excerpt(400))).append('\n');
                String requestId = response.header("X-Request-Id");
                if (requestId != null) {
                    out.append("    X-Request-Id: ").append(requestId).append('\n');
                }
                for (String line : first.exchange.log()) {
                    out.append("    server log: ").append(abbreviate(line, 900)).append('\n');
                }
            }
            for (Failure failure : members) {
                out.append("  - ").append(failure.key).append("  (").append(failure.count).append("×)\n");
                if (failure.exchange != null) {
                    out.append("      ").append(failure.request.curl()).append('\n');
                }
                if (!failure.note.isEmpty()) {
                    out.append("      ").append(abbreviate(failure.note, 1500)).append('\n');
                }
            }
        }
        out.append("\n(Tokens: ADMIN is the test profile's registry.admin-token; PARTNER and STAFF are tokens issued by the test.)");
        return out.toString();
    }

    private static String abbreviate(String text, int max) {
        if (text == null) {
            return "null";
        }
        return text.length() > max ? text.substring(0, max) + "…" : text;
    }
}
