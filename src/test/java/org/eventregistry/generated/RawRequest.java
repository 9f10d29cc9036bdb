package org.eventregistry.generated;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One generated HTTP request, kept as the exact bytes it puts on the wire: the path and the query pairs as they are
 * written (already percent-encoded, or deliberately not), the headers in order, and the body (null: none at all).
 */
public record RawRequest(String operation, String method, String path, List<String> query,
                         List<Map.Entry<String, String>> headers, byte[] body) {

    public RawRequest {
        query = List.copyOf(query);
        headers = List.copyOf(headers);
    }

    /** The request target: the path, then the query pairs joined with '&'. */
    public String target() {
        return query.isEmpty() ? path : path + "?" + String.join("&", query);
    }

    public String header(String name) {
        for (Map.Entry<String, String> header : headers) {
            if (header.getKey().equalsIgnoreCase(name)) {
                return header.getValue();
            }
        }
        return null;
    }

    public boolean isWrite() {
        return !method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS");
    }

    public RawRequest withQuery(List<String> newQuery) {
        return new RawRequest(operation, method, path, newQuery, headers, body);
    }

    public RawRequest withHeaders(List<Map.Entry<String, String>> newHeaders) {
        return new RawRequest(operation, method, path, query, newHeaders, body);
    }

    public RawRequest withBody(byte[] newBody) {
        return new RawRequest(operation, method, path, query, headers, newBody);
    }

    public RawRequest withPath(String newPath) {
        return new RawRequest(operation, method, newPath, query, headers, body);
    }

    /** The request as a curl command against a registry on localhost:8080; tokens are shown as shell variables. */
    public String curl() {
        StringBuilder curl = new StringBuilder();
        String bodyPipe = null;
        if (body != null && (body.length > 400 || !printable(body))) {
            bodyPipe = "python3 -c \"import sys; sys.stdout.buffer.write(" + Curl.pythonBytes(body) + ")\" | ";
        }
        if (bodyPipe != null) {
            curl.append(bodyPipe);
        }
        curl.append("curl -sS -i --path-as-is -X ").append(method).append(' ')
                .append(Curl.quoteCompact("http://localhost:8080" + target()));
        boolean contentType = false;
        boolean accept = false;
        for (Map.Entry<String, String> header : headers) {
            String value = header.getValue();
            if (header.getKey().equalsIgnoreCase("Authorization")) {
                value = Tokens.shellForm(value);
            }
            contentType |= header.getKey().equalsIgnoreCase("Content-Type");
            accept |= header.getKey().equalsIgnoreCase("Accept");
            String line = header.getKey() + ": " + value;
            if (value.isEmpty()) {
                // curl drops "Name:" headers; "Name;" sends the header with an empty value
                line = header.getKey() + ";";
            }
            curl.append(" -H ").append(value.contains("$") && header.getKey().equalsIgnoreCase("Authorization")
                    ? "\"" + line + "\"" : Curl.quoteCompact(line));
        }
        if (!accept) {
            curl.append(" -H 'Accept:'");
        }
        if (body != null) {
            if (!contentType) {
                curl.append(" -H 'Content-Type:'");
            }
            curl.append(" --data-binary ").append(bodyPipe != null ? "@-" : Curl.quote(new String(body, StandardCharsets.UTF_8)));
        }
        return curl.toString();
    }

    private static boolean printable(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (!java.util.Arrays.equals(text.getBytes(StandardCharsets.UTF_8), bytes)) {
            return false;
        }
        return text.chars().noneMatch(c -> c < 0x20 && c != '\n');
    }

    /** A short description for summaries. */
    public String brief() {
        String shown = target().length() > 160 ? target().substring(0, 160) + "…(" + target().length() + " chars)" : target();
        return method + " " + shown + (body == null ? "" : " [" + body.length + " byte body]");
    }

    /** Helpers to print shell commands. */
    static final class Curl {

        private Curl() {
        }

        static String quote(String text) {
            return "'" + text.replace("'", "'\\''") + "'";
        }

        /** Quoted for a shell, with long runs of one letter or digit written as $(printf ...) so the command stays short. */
        static String quoteCompact(String text) {
            StringBuilder out = new StringBuilder();
            int i = 0;
            int literalStart = 0;
            while (i < text.length()) {
                char c = text.charAt(i);
                int run = 1;
                while (i + run < text.length() && text.charAt(i + run) == c) {
                    run++;
                }
                if (run >= 48 && Character.isLetterOrDigit(c) && c < 128) {
                    if (i > literalStart) {
                        out.append(quote(text.substring(literalStart, i)));
                    }
                    out.append("\"$(printf '").append(c).append("%.0s' $(seq ").append(run).append("))\"");
                    i += run;
                    literalStart = i;
                } else {
                    i += run;
                }
            }
            if (literalStart < text.length() || out.length() == 0) {
                out.append(quote(text.substring(literalStart)));
            }
            return out.toString();
        }

        /** A Python bytes expression for the body, long repetitions written as b'..' * n so the command stays short. */
        static String pythonBytes(byte[] bytes) {
            List<String> parts = new ArrayList<>();
            StringBuilder literal = new StringBuilder();
            int i = 0;
            while (i < bytes.length) {
                int bestUnit = 0;
                int bestRepeats = 0;
                for (int unit = 1; unit <= 12 && i + unit <= bytes.length; unit++) {
                    int repeats = 1;
                    while (i + (repeats + 1) * unit <= bytes.length && sameBytes(bytes, i, i + repeats * unit, unit)) {
                        repeats++;
                    }
                    if (repeats * unit >= 48 && repeats * unit > bestRepeats * bestUnit) {
                        bestUnit = unit;
                        bestRepeats = repeats;
                    }
                }
                if (bestUnit > 0) {
                    if (literal.length() > 0) {
                        parts.add("b'" + literal + "'");
                        literal.setLength(0);
                    }
                    StringBuilder unitText = new StringBuilder();
                    for (int k = 0; k < bestUnit; k++) {
                        appendByte(unitText, bytes[i + k]);
                    }
                    parts.add("b'" + unitText + "'*" + bestRepeats);
                    i += bestUnit * bestRepeats;
                } else {
                    appendByte(literal, bytes[i]);
                    i++;
                }
            }
            if (literal.length() > 0 || parts.isEmpty()) {
                parts.add("b'" + literal + "'");
            }
            String expression = String.join("+", parts);
            if (expression.length() > 3000) {
                expression = expression.substring(0, 3000) + "…(cut: " + bytes.length + " bytes in all)";
            }
            return expression;
        }

        private static boolean sameBytes(byte[] bytes, int a, int b, int length) {
            for (int k = 0; k < length; k++) {
                if (bytes[a + k] != bytes[b + k]) {
                    return false;
                }
            }
            return true;
        }

        private static void appendByte(StringBuilder out, byte b) {
            int c = b & 0xff;
            if (c == '\'' || c == '\\') {
                out.append('\\').append((char) c);
            } else if (c == '"') {
                out.append("\\x22");
            } else if (c == '$' || c == '`') {
                out.append(String.format("\\x%02x", c));
            } else if (c >= 0x20 && c < 0x7f) {
                out.append((char) c);
            } else {
                out.append(String.format("\\x%02x", c));
            }
        }
    }
}
