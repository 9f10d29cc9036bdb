package org.eventregistry.generated;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Makes a failing request smaller while it still fails the same way: drops the body, headers, query pairs and body
 * fields one at a time, and cuts long strings, keeping each step that still fails. Bounded by a number of attempts.
 */
public final class Shrinker {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Predicate<RawRequest> stillFails;
    private int attemptsLeft;

    public Shrinker(Predicate<RawRequest> stillFails, int attempts) {
        this.stillFails = stillFails;
        this.attemptsLeft = attempts;
    }

    public RawRequest shrink(RawRequest request) {
        boolean progress = true;
        while (progress && attemptsLeft > 0) {
            progress = false;
            for (RawRequest candidate : candidates(request)) {
                if (attemptsLeft-- <= 0) {
                    break;
                }
                if (stillFails.test(candidate)) {
                    request = candidate;
                    progress = true;
                    break;
                }
            }
        }
        return request;
    }

    private List<RawRequest> candidates(RawRequest request) {
        List<RawRequest> candidates = new ArrayList<>();
        if (request.body() != null && request.body().length > 0) {
            candidates.add(request.withBody(null));
        }
        for (int i = 0; i < request.headers().size(); i++) {
            List<Map.Entry<String, String>> headers = new ArrayList<>(request.headers());
            headers.remove(i);
            candidates.add(request.withHeaders(headers));
        }
        for (int i = 0; i < request.query().size(); i++) {
            List<String> query = new ArrayList<>(request.query());
            query.remove(i);
            candidates.add(request.withQuery(query));
        }
        for (int i = 0; i < request.query().size(); i++) {
            String pair = request.query().get(i);
            if (pair.length() > 60) {
                List<String> query = new ArrayList<>(request.query());
                int equals = Math.max(0, pair.indexOf('=') + 1);
                query.set(i, pair.substring(0, equals + (pair.length() - equals) / 2));
                candidates.add(request.withQuery(query));
            }
        }
        String[] segments = request.path().split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            if (segments[i].length() > 60) {
                String[] shorter = segments.clone();
                shorter[i] = segments[i].substring(0, segments[i].length() / 2);
                candidates.add(request.withPath(String.join("/", shorter)));
            }
        }
        for (int i = 0; i < request.headers().size(); i++) {
            Map.Entry<String, String> header = request.headers().get(i);
            if (header.getValue().length() > 100) {
                List<Map.Entry<String, String>> headers = new ArrayList<>(request.headers());
                headers.set(i, RequestGenerator.header(header.getKey(), header.getValue().substring(0, header.getValue().length() / 2)));
                candidates.add(request.withHeaders(headers));
            }
        }
        JsonNode body = parse(request.body());
        if (body instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                ObjectNode smaller = object.deepCopy();
                smaller.remove(name);
                candidates.add(request.withBody(RequestGenerator.write(smaller)));
            }
            for (String name : names) {
                JsonNode value = object.get(name);
                JsonNode cut = cut(value);
                if (cut != null) {
                    ObjectNode smaller = object.deepCopy();
                    smaller.set(name, cut);
                    candidates.add(request.withBody(RequestGenerator.write(smaller)));
                }
            }
        } else if (body instanceof ArrayNode array && array.size() > 1) {
            ArrayNode first = JSON.createArrayNode();
            first.add(array.get(0));
            candidates.add(request.withBody(RequestGenerator.write(first)));
            ArrayNode half = JSON.createArrayNode();
            for (int i = 0; i < array.size() / 2; i++) {
                half.add(array.get(i));
            }
            candidates.add(request.withBody(RequestGenerator.write(half)));
        } else if (request.body() != null && request.body().length > 200) {
            byte[] half = java.util.Arrays.copyOf(request.body(), request.body().length / 2);
            candidates.add(request.withBody(half));
        }
        return candidates;
    }

    /** A shorter form of a long string or a big array, or null when the value is already small. */
    private static JsonNode cut(JsonNode value) {
        if (value.isTextual() && value.asText().length() > 40) {
            String text = value.asText();
            int end = text.length() / 2;
            if (Character.isHighSurrogate(text.charAt(end - 1))) {
                end--;
            }
            return TextNode.valueOf(text.substring(0, end));
        }
        if (value.isArray() && value.size() > 1) {
            ArrayNode half = JSON.createArrayNode();
            for (int i = 0; i < value.size() / 2; i++) {
                half.add(value.get(i));
            }
            return half;
        }
        if (value.isObject() && value.size() > 1) {
            ObjectNode smaller = ((ObjectNode) value).deepCopy();
            Iterator<String> names = smaller.fieldNames();
            names.next();
            names.remove();
            return smaller;
        }
        return null;
    }

    private static JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            return null;
        }
    }
}
