package org.eventregistry.generated;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** An answer as it came off the wire; status -1 when the connection failed before a status line arrived. */
public record RawResponse(int status, List<Map.Entry<String, String>> headers, byte[] body, String transportError) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public String header(String name) {
        for (Map.Entry<String, String> header : headers) {
            if (header.getKey().equalsIgnoreCase(name)) {
                return header.getValue();
            }
        }
        return null;
    }

    public String contentType() {
        String type = header("Content-Type");
        return type == null ? "" : type;
    }

    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The body as JSON, or null when it is not JSON. */
    public JsonNode json() {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            return null;
        }
    }

    /** The problem type of a problem+json body, else what the body is. */
    public String problemType() {
        JsonNode json = json();
        if (json != null && json.hasNonNull("type")) {
            return json.get("type").asText();
        }
        return "(no problem type; Content-Type " + (contentType().isEmpty() ? "absent" : contentType()) + ")";
    }

    public String excerpt(int max) {
        String text = text().replace("\r", "\\r");
        return text.length() > max ? text.substring(0, max) + "…(" + body.length + " bytes)" : text;
    }
}
