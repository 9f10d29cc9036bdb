package org.eventregistry.generated;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A deliberately small HTTP/1.1 client over a plain socket. REST Assured and java.net.http normalise exactly what the
 * generator wants to vary: they re-encode query strings, refuse malformed percent-escapes, add a charset to
 * Content-Type and compute bodies from objects. This one writes the request line, the headers and the body bytes as
 * given (plus Host, Connection: close and Content-Length), and reads the answer until the server closes.
 */
public final class RawHttp {

    private final String host;
    private final int port;

    public RawHttp(String host, int port) {
        this.host = host;
        this.port = port;
    }

    public RawResponse send(RawRequest request) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 5_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            head.writeBytes((request.method() + " " + request.target() + " HTTP/1.1\r\n").getBytes(StandardCharsets.ISO_8859_1));
            head.writeBytes(("Host: " + host + ":" + port + "\r\nConnection: close\r\n").getBytes(StandardCharsets.ISO_8859_1));
            for (Map.Entry<String, String> header : request.headers()) {
                // header values travel as UTF-8 bytes, as browsers and curl send them
                head.writeBytes((header.getKey() + ": ").getBytes(StandardCharsets.ISO_8859_1));
                head.writeBytes(header.getValue().getBytes(StandardCharsets.UTF_8));
                head.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            }
            if (request.body() != null) {
                head.writeBytes(("Content-Length: " + request.body().length + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            }
            head.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            String writeError = null;
            try {
                out.write(head.toByteArray());
                if (request.body() != null) {
                    for (int offset = 0; offset < request.body().length; offset += 64 * 1024) {
                        out.write(request.body(), offset, Math.min(64 * 1024, request.body().length - offset));
                    }
                }
                out.flush();
            } catch (IOException e) {
                // the server may answer (413) and close before the whole body is sent: read what it said
                writeError = e.toString();
            }
            byte[] raw;
            try {
                raw = readAll(socket.getInputStream());
            } catch (IOException e) {
                return new RawResponse(-1, List.of(), new byte[0],
                        (writeError == null ? "" : "while sending: " + writeError + "; ") + "while reading: " + e);
            }
            return parse(raw, writeError);
        } catch (IOException e) {
            return new RawResponse(-1, List.of(), new byte[0], e.toString());
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        int n;
        try {
            while ((n = in.read(buffer)) >= 0) {
                all.write(buffer, 0, n);
            }
        } catch (IOException e) {
            if (all.size() == 0) {
                throw e;
            }
        }
        return all.toByteArray();
    }

    private static RawResponse parse(byte[] raw, String writeError) {
        int end = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
        if (end < 0) {
            return new RawResponse(-1, List.of(), raw, "no complete response head" + (writeError == null ? "" : " (" + writeError + ")"));
        }
        String[] lines = new String(raw, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
        String[] statusLine = lines[0].split(" ", 3);
        int status = Integer.parseInt(statusLine[1]);
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.add(new AbstractMap.SimpleImmutableEntry<>(lines[i].substring(0, colon).trim(), lines[i].substring(colon + 1).trim()));
            }
        }
        byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
        for (Map.Entry<String, String> header : headers) {
            if (header.getKey().equalsIgnoreCase("Transfer-Encoding") && header.getValue().equalsIgnoreCase("chunked")) {
                body = dechunk(body);
            }
        }
        return new RawResponse(status, headers, body, null);
    }

    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < chunked.length) {
            int lineEnd = indexOf(chunked, new byte[]{'\r', '\n'}, at);
            if (lineEnd < 0) {
                break;
            }
            String sizeText = new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].trim();
            int size = Integer.parseInt(sizeText, 16);
            if (size == 0) {
                break;
            }
            out.write(chunked, lineEnd + 2, Math.min(size, chunked.length - lineEnd - 2));
            at = lineEnd + 2 + size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
