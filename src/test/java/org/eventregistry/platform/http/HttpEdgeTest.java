package org.eventregistry.platform.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.test.junit.QuarkusTest;
import org.eventregistry.change.PublicChanges;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.eventregistry.RegistryApi.json;
import static org.eventregistry.RegistryApi.ADMIN_TOKEN;
import static org.eventregistry.RegistryApi.EVENTS;
import static org.eventregistry.RegistryApi.PROBLEM_JSON;
import static org.eventregistry.RegistryApi.countWithTopic;
import static org.eventregistry.RegistryApi.minimalEvent;
import static org.eventregistry.RegistryApi.uniqueTag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the HTTP server refuses before any resource sees the request still comes back as problem+json:
 * a request line over the limit (414), request headers over the limit (431), a chunked body over 1 MiB (413), also
 * beyond the server's own caps, and a request target that is not a URI (400).
 */
@QuarkusTest
class HttpEdgeTest {


    private static void assertProblem(int status, RawHttp.Answer answer) {
        assertEquals(status, answer.status(), answer.toString());
        String type = answer.header("Content-Type");
        assertNotNull(type, "no Content-Type: " + answer);
        assertTrue(type.startsWith(PROBLEM_JSON), answer.toString());
        assertEquals(status, answer.json().getInt("status"), answer.toString());
        assertNotNull(answer.json().getString("title"), answer.toString());
        assertFalse(answer.text().contains("Exception"), answer.toString());
    }

    @Test
    @Timeout(30)
    void aRequestLineOverTheLimitIsA414Problem() throws IOException {
        String query = "q=" + "x".repeat(20_000);

        RawHttp.Answer answer = RawHttp.send("GET " + EVENTS + "?" + query + " HTTP/1.1\r\nAccept: application/json", null);

        assertProblem(414, answer);
    }

    @Test
    @Timeout(30)
    void aLongPathIsA414ProblemToo() throws IOException {
        RawHttp.Answer answer = RawHttp.send("GET " + EVENTS + "/" + "a".repeat(20_000) + " HTTP/1.1", null);

        assertProblem(414, answer);
    }

    @Test
    @Timeout(30)
    void requestHeadersOverTheLimitAreA431Problem() throws IOException {
        RawHttp.Answer one = RawHttp.send("GET " + EVENTS + " HTTP/1.1\r\nX-Padding: " + "p".repeat(40 * 1024), null);
        assertProblem(431, one);

        StringBuilder many = new StringBuilder("GET " + EVENTS + " HTTP/1.1");
        for (int i = 0; i < 400; i++) {
            many.append("\r\nX-Padding-").append(i).append(": ").append("p".repeat(100));
        }
        assertProblem(431, RawHttp.send(many.toString(), null));
    }

    @Test
    @Timeout(30)
    void aRequestLineBeyondTheServersOwnCapIsStillA414Problem() throws IOException {
        RawHttp.Answer answer = RawHttp.send("GET " + EVENTS + "?q=" + "x".repeat(100_000) + " HTTP/1.1", null);

        assertProblem(414, answer);
        assertEquals("close", answer.header("Connection"), answer.toString());
    }

    @Test
    @Timeout(30)
    void headersBeyondTheServersOwnCapAreStillA431Problem() throws IOException {
        RawHttp.Answer answer = RawHttp.send("GET " + EVENTS + " HTTP/1.1\r\nX-Padding: " + "p".repeat(100 * 1024), null);

        assertProblem(431, answer);
    }

    @Test
    @Timeout(30)
    void aTargetThatIsNotAUriIsA400Problem() throws IOException {
        for (String target : new String[]{EVENTS + "?q=a|b", EVENTS + "?q={x}", EVENTS + "/a\\b", "events", "*", "http://[::1/"}) {
            RawHttp.Answer answer = RawHttp.send("GET " + target + " HTTP/1.1", null);

            assertProblem(400, answer);
        }
    }

    @Test
    @Timeout(30)
    void aUriTheServerReadsIsServedThroughTheGuard() throws IOException {
        assertEquals(200, RawHttp.send("GET http://localhost" + EVENTS + "?q=a%7Cb HTTP/1.1", null).status());
        assertEquals(200, RawHttp.send("GET " + EVENTS + "?q=%5Bx%5D&limit=1 HTTP/1.1", null).status());
    }

    @Test
    @Timeout(30)
    void pipelinedRequestsOnOneConnectionAreAllAnswered() throws IOException {
        String one = "GET /api/v1/ping HTTP/1.1\r\nHost: localhost\r\n\r\n";
        try (java.net.Socket socket = RawHttp.connect()) {
            socket.getOutputStream().write((one + one + one).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            for (int i = 0; i < 3; i++) {
                assertEquals(200, RawHttp.read(socket.getInputStream()).status(), "answer " + i);
            }
        }
    }

    /** POSTs the text to /api/v1/events as chunks of 64 KiB from another thread, and reads the answer meanwhile. */
    private static RawHttp.Answer postChunked(String json) throws Exception {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = RawHttp.connect()) {
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            String head = "POST " + EVENTS + " HTTP/1.1\r\n"
                    + "Host: localhost:" + RawHttp.port() + "\r\n"
                    + "Authorization: Bearer " + ADMIN_TOKEN + "\r\n"
                    + "Content-Type: application/json\r\n"
                    + "Accept: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n"
                    + "Connection: close\r\n\r\n";
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                try {
                    for (int from = 0; from < bytes.length; from += 64 * 1024) {
                        int n = Math.min(64 * 1024, bytes.length - from);
                        out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                        out.write(bytes, from, n);
                        out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                        out.flush();
                    }
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                } catch (IOException e) {
                    // The server refused the body and closed: the answer tells.
                }
            });
            RawHttp.Answer answer = RawHttp.read(in);
            writer.get(20, TimeUnit.SECONDS);
            return answer;
        }
    }

    @Test
    @Timeout(60)
    void aChunkedBodyOfTwoMebibytesIsA413ProblemAndStoresNothing() throws Exception {
        String topic = uniqueTag();
        String head = PublicChanges.head();
        Map<String, Object> body = minimalEvent(topic);
        body.put("description", "<p>" + "a".repeat(2 * 1024 * 1024) + "</p>");

        RawHttp.Answer answer = postChunked(json(body));

        assertProblem(413, answer);
        assertEquals(0, countWithTopic(topic), "the refused body created an event");
        assertEquals(List.of(), PublicChanges.follow(head).items(), "the refused body left a public change");
    }

    @Test
    @Timeout(60)
    void aSmallChunkedBodyIsServedAsAnyOther() throws Exception {
        String topic = uniqueTag();

        RawHttp.Answer answer = postChunked(json(minimalEvent(topic)));

        assertEquals(201, answer.status(), answer.toString());
        assertEquals(1, countWithTopic(topic));
    }
}
