package org.eventregistry.platform.http;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.eventregistry.RegistryApi.PROBLEM_JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Slow and idle clients do not hold connections: a request head that trickles in (or never comes) is cut off after
 * the head timeout (closed, or answered 408), and a kept-alive connection left idle is closed after the idle timeout.
 */
@QuarkusTest
@TestProfile(ConnectionTimeoutTest.ShortTimeouts.class)
class ConnectionTimeoutTest {

    static final int HEAD_SECONDS = 2;
    /** Longer than the head timeout and the margin on it, so that a cut in time cannot be the idle timeout's doing. */
    static final int IDLE_SECONDS = 8;

    /**
     * Two seconds for a request head, eight seconds of idleness.
     */
    public static class ShortTimeouts implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.http.idle-timeout", IDLE_SECONDS + "S",
                    "registry.http.request-head-timeout", HEAD_SECONDS + "S");
        }
    }

    /** How the server ended a connection, and when (ms after the test began). */
    private record Cut(long afterMillis, Integer status, String contentType) {
    }

    /**
     * Waits up to {@code seconds} for the server to end the connection, sending one byte of {@code trickle} (if any)
     * every second meanwhile; null if it was still open.
     */
    private static Cut waitForTheCut(Socket socket, byte[] trickle, int seconds) throws IOException {
        long start = System.nanoTime();
        OutputStream out = socket.getOutputStream();
        InputStream in = socket.getInputStream();
        socket.setSoTimeout(1000);
        for (int i = 0; (System.nanoTime() - start) / 1_000_000 < seconds * 1000L; i++) {
            if (trickle != null) {
                try {
                    out.write(trickle[i % trickle.length]);
                    out.flush();
                } catch (IOException e) {
                    return new Cut((System.nanoTime() - start) / 1_000_000, null, null);
                }
            }
            try {
                int first = in.read();
                long at = (System.nanoTime() - start) / 1_000_000;
                if (first == -1) {
                    return new Cut(at, null, null);
                }
                socket.setSoTimeout(5000);
                String statusLine = (char) first + RawHttp.line(in);
                String contentType = null;
                for (String line = RawHttp.line(in); line != null && !line.isEmpty(); line = RawHttp.line(in)) {
                    if (line.toLowerCase().startsWith("content-type:")) {
                        contentType = line.substring("content-type:".length()).strip();
                    }
                }
                return new Cut(at, Integer.parseInt(statusLine.split(" ")[1]), contentType);
            } catch (SocketTimeoutException stillOpen) {
                // Nothing yet: send the next byte.
            } catch (IOException reset) {
                return new Cut((System.nanoTime() - start) / 1_000_000, null, null);
            }
        }
        return null;
    }

    private static void assertCutOff(Cut cut, long withinMillis, String what) {
        if (cut == null) {
            fail(what + ": the connection was still open");
        }
        assertTrue(cut.afterMillis() <= withinMillis, what + ": cut off only after " + cut.afterMillis() + " ms");
        if (cut.status() != null) {
            assertEquals(408, cut.status(), what + ": answered instead of cut off");
            assertTrue(cut.contentType() == null || cut.contentType().startsWith(PROBLEM_JSON),
                    what + ": a 408 that is not a problem: " + cut.contentType());
        }
    }

    @Test
    @Timeout(30)
    void aRequestHeadTrickledOneByteASecondIsCutOff() throws IOException {
        String head = "GET /api/v1/events HTTP/1.1\r\nHost: localhost\r\nX-Slow: " + "s".repeat(40) + "\r\n\r\n";
        try (Socket socket = RawHttp.connect()) {
            Cut cut = waitForTheCut(socket, head.getBytes(StandardCharsets.ISO_8859_1), 12);

            assertCutOff(cut, (HEAD_SECONDS + 3) * 1000L, "a trickled request head");
        }
    }

    @Test
    @Timeout(30)
    void aConnectionThatSendsNothingIsClosed() throws IOException {
        try (Socket socket = RawHttp.connect()) {
            Cut cut = waitForTheCut(socket, null, 12);

            assertCutOff(cut, (HEAD_SECONDS + 3) * 1000L, "a connection that never sends its request head");
        }
    }

    @Test
    @Timeout(30)
    void anIdleKeptAliveConnectionIsClosedAfterTheIdleTimeout() throws IOException {
        try (Socket socket = RawHttp.connect()) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/v1/events HTTP/1.1\r\nHost: localhost:" + RawHttp.port() + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            RawHttp.Answer answer = RawHttp.read(socket.getInputStream());
            assertEquals(200, answer.status(), answer.toString());

            Cut cut = waitForTheCut(socket, null, IDLE_SECONDS + 6);

            assertCutOff(cut, (IDLE_SECONDS + 3) * 1000L, "an idle kept-alive connection");
        }
    }

    @Test
    @Timeout(30)
    void aPromptClientIsServedAsUsual() throws IOException {
        RawHttp.Answer answer = RawHttp.send("GET /api/v1/events HTTP/1.1", null);

        assertEquals(200, answer.status(), answer.toString());
    }
}
