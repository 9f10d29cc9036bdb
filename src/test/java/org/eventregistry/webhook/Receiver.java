package org.eventregistry.webhook;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;

/** A webhook receiver on loopback for tests: records every request and answers as the test says. */
final class Receiver implements AutoCloseable {

    /** One request as received: headers (names lower-cased) and the body. */
    record Received(Map<String, List<String>> headers, String body) {
        String header(String name) {
            List<String> values = headers.get(name);
            return values == null ? null : values.get(0);
        }
    }

    /** The answer to give: status and headers. */
    record Answer(int status, Map<String, String> headers) {
        static Answer status(int status) {
            return new Answer(status, Map.of());
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile Function<Received, Answer> answers;

    private Receiver(int port, Function<Received, Answer> answers) throws IOException {
        this.answers = answers;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    static Receiver ok() throws IOException {
        return new Receiver(0, r -> Answer.status(204));
    }

    static Receiver answering(Function<Received, Answer> answers) throws IOException {
        return new Receiver(0, answers);
    }

    static Receiver on(int port, Function<Received, Answer> answers) throws IOException {
        return new Receiver(port, answers);
    }

    void answer(Function<Received, Answer> answers) {
        this.answers = answers;
    }

    int port() {
        return server.getAddress().getPort();
    }

    String url() {
        return "http://127.0.0.1:" + port() + "/hook";
    }

    List<Received> received() {
        return new ArrayList<>(received);
    }

    private void handle(HttpExchange exchange) throws IOException {
        Map<String, List<String>> headers = new TreeMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Received request = new Received(headers, body);
        received.add(request);
        Answer answer;
        try {
            answer = answers.apply(request);
        } catch (RuntimeException e) {
            answer = Answer.status(500);
        }
        answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        exchange.sendResponseHeaders(answer.status(), -1);
        try (OutputStream out = exchange.getResponseBody()) {
            out.flush();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
