package org.eventregistry.platform.http;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import static org.eventregistry.RegistryApi.ADMIN_TOKEN;

/**
 * HTTP/1.1 over a plain socket, for what REST Assured will not send as it is: a Host header of our choosing, bytes
 * that are not UTF-8, a 20,000-character request line, a chunked body, an empty Accept. One request per connection
 * ({@code Connection: close}); the answer is read to the end of the stream.
 */
public final class RawHttp {

    /** An answer as it came over the wire. */
    public record Answer(int status, Map<String, String> headers, byte[] body) {

        /** A header by its case-insensitive name, or null. */
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public JsonPath json() {
            return new JsonPath(text());
        }

        @Override
        public String toString() {
            String text = text();
            return status + " " + headers + " " + (text.length() > 500 ? text.substring(0, 500) + "..." : text);
        }
    }

    private RawHttp() {
    }

    /** The port the application under test listens on (random in tests). */
    public static int port() {
        return RestAssured.port;
    }

    /** Opens a connection to the application under test. */
    public static Socket connect() throws IOException {
        Socket socket = new Socket("localhost", port());
        socket.setSoTimeout(30_000);
        return socket;
    }

    /**
     * Sends a request: {@code head} is the request line and header lines without the final blank line (CRLF is
     * added); Host and Connection: close are added unless given; {@code body} may be null.
     */
    public static Answer send(String head, byte[] body) throws IOException {
        StringBuilder text = new StringBuilder(head.strip()).append("\r\n");
        String lower = head.toLowerCase(Locale.ROOT);
        if (!lower.contains("\nhost:")) {
            text.append("Host: localhost:").append(port()).append("\r\n");
        }
        if (!lower.contains("\nconnection:")) {
            text.append("Connection: close\r\n");
        }
        if (body != null && !lower.contains("\ncontent-length:") && !lower.contains("\ntransfer-encoding:")) {
            text.append("Content-Length: ").append(body.length).append("\r\n");
        }
        text.append("\r\n");
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes(text.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (body != null) {
            request.writeBytes(body);
        }
        return exchange(request.toByteArray());
    }

    /** A request with the admin token, a JSON content type of our choosing and raw body bytes. */
    public static Answer sendAsAdmin(String method, String path, String contentType, byte[] body) throws IOException {
        return send(method + " " + path + " HTTP/1.1\r\n"
                + "Authorization: Bearer " + ADMIN_TOKEN + "\r\n"
                + "Accept: application/json, application/problem+json\r\n"
                + "Content-Type: " + contentType, body);
    }

    /** Writes the bytes as they are and reads one answer to the end of the stream. */
    public static Answer exchange(byte[] request) throws IOException {
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            try {
                out.write(request);
                out.flush();
            } catch (IOException e) {
                // The server may answer (413, 431) and close before it has read all we send: read what it said.
            }
            return read(in);
        }
    }

    /** Reads one answer: the head, then the body by Content-Length, chunks, or to the end of the stream. */
    public static Answer read(InputStream in) throws IOException {
        String statusLine = line(in);
        if (statusLine == null) {
            throw new IOException("the connection closed without an answer");
        }
        String[] parts = statusLine.split(" ", 3);
        int status = Integer.parseInt(parts[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = line(in); line != null && !line.isEmpty(); line = line(in)) {
            int colon = line.indexOf(':');
            String name = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            headers.merge(name, value, (a, b) -> a + ", " + b);
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String length = headers.get("content-length");
        if ("chunked".equalsIgnoreCase(headers.getOrDefault("transfer-encoding", ""))) {
            for (String size = line(in); size != null; size = line(in)) {
                int n = Integer.parseInt(size.split(";")[0].strip(), 16);
                if (n == 0) {
                    break;
                }
                body.writeBytes(in.readNBytes(n));
                line(in);
            }
        } else if (length != null) {
            body.writeBytes(in.readNBytes(Integer.parseInt(length)));
        } else if (status >= 200 && status != 204 && status != 304) {
            try {
                in.transferTo(body);
            } catch (SocketTimeoutException e) {
                // A kept-alive connection without a length: take what came.
            }
        }
        return new Answer(status, headers, body.toByteArray());
    }

    /** One CRLF-terminated line in ISO-8859-1, without its terminator; null at the end of the stream. */
    public static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                byte[] bytes = line.toByteArray();
                int end = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
            }
            line.write(c);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }
}
