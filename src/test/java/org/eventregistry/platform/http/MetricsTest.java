package org.eventregistry.platform.http;

import io.quarkus.test.junit.QuarkusTest;
import org.eventregistry.change.FollowerLag;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.eventregistry.RegistryApi.EVENTS;
import static org.eventregistry.RegistryApi.anonymous;
import static org.eventregistry.RegistryApi.createEvent;
import static org.eventregistry.RegistryApi.event;
import static org.eventregistry.RegistryApi.uniqueTag;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Prometheus metrics at /q/metrics: routes by template, the pool, the change log head, followers, failed authentications. */
@QuarkusTest
class MetricsTest {

    @Inject
    FollowerLag followers;

    private static String metrics() {
        return anonymous().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    private static double value(String metrics, String series) {
        Matcher m = Pattern.compile("^" + Pattern.quote(series) + " ([0-9.eE+-]+)$", Pattern.MULTILINE).matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }

    @Test
    void countsRequestsPerRouteTemplateNotPerUrl() {
        String tag = uniqueTag();
        String slug = createEvent(event("Metrics " + tag, tag, "PUBLISHED")).getString("slug");
        anonymous().get(EVENTS + "/" + slug).then().statusCode(200);
        anonymous().get(EVENTS + "/no-such-event-" + tag).then().statusCode(404);
        String metrics = metrics();
        assertTrue(metrics.contains("http_server_requests_seconds_count{"), "request counts are exported");
        assertTrue(Pattern.compile("http_server_requests_seconds_count\\{[^}]*uri=\"/api/v1/events/\\{ref\\}\"").matcher(metrics).find(),
                "a record's route is counted under its template");
        assertTrue(!metrics.contains(slug) && !metrics.contains(tag), "no raw URL becomes a label");
    }

    @Test
    void reportsTheConnectionPool() {
        anonymous().get(EVENTS).then().statusCode(200);
        String metrics = metrics();
        assertTrue(metrics.contains("agroal_active_count"), "pool metrics are exported");
        assertTrue(metrics.contains("agroal_available_count"), "pool metrics are exported");
    }

    @Test
    void theChangeLogHeadMovesWithAPublicWrite() {
        double before = value(metrics(), "registry_changes_head");
        String tag = uniqueTag();
        createEvent(event("Head " + tag, tag, "PUBLISHED"));
        double after = value(metrics(), "registry_changes_head");
        assertTrue(after > before && after >= 1, "head " + before + " then " + after);
    }

    @Test
    void aFollowerReportsItsLagBehindTheHead() {
        String tag = uniqueTag();
        createEvent(event("Lag " + tag, tag, "PUBLISHED"));
        long head = followers.head();
        followers.report("test-follower", head - 1);
        String metrics = metrics();
        assertTrue(value(metrics, "registry_follower_lag{follower=\"test-follower\"}") >= 1, metrics);
        assertTrue(value(metrics, "registry_follower_position{follower=\"test-follower\"}") == head - 1, metrics);
        followers.report("test-follower", head);
        assertTrue(value(metrics(), "registry_follower_lag{follower=\"test-follower\"}") == 0);
    }

    @Test
    void countsFailedAuthentications() {
        double before = value(metrics(), "registry_authentication_failures_total");
        anonymous().header("Authorization", "Bearer reg_not-a-token-" + uniqueTag()).get(EVENTS).then().statusCode(401);
        double after = value(metrics(), "registry_authentication_failures_total");
        assertTrue((Double.isNaN(before) ? 0 : before) + 1 <= after, before + " then " + after);
    }

    @Test
    void metricsNeedNoToken() {
        anonymous().get("/q/metrics").then().statusCode(200).body(not(containsString("Unauthorized")));
    }
}
