package org.eventregistry.generated;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * One operation of the committed OpenAPI document: its query parameters (and whether each may repeat), the headers
 * it declares, and its request body (media type and schema with references resolved), if it takes one.
 */
public record ApiOperation(String method, String template, List<QueryParameter> query, List<String> headers,
                           String bodyMediaType, JsonNode bodySchema) {

    public record QueryParameter(String name, boolean repeatable, JsonNode schema) {
    }

    public boolean takesBody() {
        return bodySchema != null;
    }

    public boolean isWrite() {
        return !method.equals("GET");
    }

    public boolean declaresHeader(String name) {
        return headers.stream().anyMatch(h -> h.equalsIgnoreCase(name));
    }

    public List<String> pathParameters() {
        return java.util.Arrays.stream(template.split("/"))
                .filter(s -> s.startsWith("{") && s.endsWith("}"))
                .map(s -> s.substring(1, s.length() - 1))
                .toList();
    }

    public String name() {
        return method + " " + template;
    }

    @Override
    public String toString() {
        return name();
    }
}
