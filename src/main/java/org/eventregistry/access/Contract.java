package org.eventregistry.access;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The conventions that make the OpenAPI document a contract a client can be generated from, applied to every
 * operation and schema, so operations added later get them too:
 * <ul>
 *   <li>an operationId derived from the method and path when the operation names none ({@code listEvents},
 *       {@code getEvent}, {@code createEvent}, {@code replaceEvent}, {@code updateEvent}, {@code deleteEvent});</li>
 *   <li>date-times inline ({@code type: string, format: date-time}) instead of schemas named after Java types;</li>
 *   <li>limits on every string, array and integer: from the writable-fields schema of the same name
 *       ({@code Event.title} as {@code EventFields.title}) or from the property's name ({@link #STRINGS},
 *       {@link #INTEGERS}, {@link #ARRAYS}); query strings are bounded by the 4 KiB query the registry accepts;</li>
 *   <li>merge-patch bodies as schemas of their own ({@code EventPatch}: the fields, none required, unknown keys refused);</li>
 *   <li>application/json first wherever an answer has several types;</li>
 *   <li>the headers the registry sends: RateLimit-*, X-Request-Id, Retry-After, ETag, Last-Modified, Location, Link.</li>
 * </ul>
 */
final class Contract {

    static final String MERGE_PATCH = "application/merge-patch+json";
    private static final String JSON = "application/json";
    private static final String ULID = "^[0-9A-HJKMNP-TV-Z]{26}$";
    private static final String SLUG = "^[a-z0-9]+(-[a-z0-9]+)*$";
    /** The registry refuses query strings over this many characters, so no query value is longer. */
    private static final int MAX_QUERY = 4096;
    /** The largest body the registry accepts (RequestLimits): no text it echoes from a request is longer. */
    private static final int MAX_BODY = 1_048_576;
    private static final BigDecimal MAX_LONG = BigDecimal.valueOf(Long.MAX_VALUE);

    /** Limits of string properties by name, where neither the schema nor its fields schema gives one. */
    private static final Map<String, Limits> STRINGS = Map.ofEntries(
            Map.entry("id", new Limits(26, ULID, null)),
            Map.entry("recordId", new Limits(26, ULID, null)),
            Map.entry("slug", new Limits(120, SLUG, null)),
            Map.entry("country", new Limits(2, "^[A-Z]{2}$", null)),
            Map.entry("email", new Limits(254, null, "email")),
            Map.entry("timeZone", new Limits(100, "^[A-Za-z][A-Za-z0-9/_+-]*$", null)),
            Map.entry("language", new Limits(35, "^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$", null)),
            Map.entry("nextCursor", new Limits(MAX_QUERY, null, null)),
            Map.entry("requestId", new Limits(100, null, null)),
            Map.entry("actor", new Limits(200, null, null)),
            Map.entry("createdBy", new Limits(200, null, null)),
            Map.entry("kind", new Limits(30, "^[a-z]+$", null)),
            Map.entry("hint", new Limits(20, null, null)),
            Map.entry("token", new Limits(200, null, null)),
            Map.entry("phone", new Limits(41, null, null)),
            Map.entry("isbn", new Limits(13, "^[0-9]{13}$", null)),
            Map.entry("publishedOn", new Limits(10, "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$", null)),
            Map.entry("type", new Limits(200, null, null)),
            Map.entry("title", new Limits(500, null, null)),
            Map.entry("detail", new Limits(2 * MAX_BODY, null, null)),
            Map.entry("pointer", new Limits(MAX_BODY, null, null)),
            Map.entry("instance", new Limits(8192, null, null)));
    /** Integer properties by name: format, minimum, maximum. */
    private static final Map<String, long[]> INTEGERS = Map.of(
            "total", new long[]{64, 0, Long.MAX_VALUE},
            "version", new long[]{64, 0, Long.MAX_VALUE},
            "limit", new long[]{32, 1, 1000},
            "order", new long[]{32, 0, 10_000},
            "status", new long[]{32, 100, 599});
    /** maxItems of array properties by name. */
    private static final Map<String, Integer> ARRAYS = Map.of(
            "items", 100,
            "topics", 20,
            "authors", 50,
            "relatedEvents", 50,
            "profiles", 10,
            "parts", 8);

    record Limits(int maxLength, String pattern, String format) {
    }

    /** Query parameters the registry checks the form of, by name. */
    private static final Map<String, Limits> QUERY = Map.of(
            "sort", new Limits(200, "^-?[A-Za-z]+(,-?[A-Za-z]+)*$", null),
            "from", new Limits(40, "^(now|today|[0-9]{4}-[0-9]{2}-[0-9]{2}(T.+)?)$", null),
            "to", new Limits(40, "^(now|today|[0-9]{4}-[0-9]{2}-[0-9]{2}(T.+)?)$", null),
            "updatedSince", new Limits(40, null, "date-time"),
            "publishedFrom", new Limits(10, "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$", null),
            "publishedTo", new Limits(10, "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$", null));
    /**
     * Repeatable query parameters whose values are one of a set, by the collection the path lists (its last literal
     * segment, without an extension) and the parameter's name: a schema name (an enum) or the values themselves.
     */
    private static final Map<String, Map<String, Object>> QUERY_ENUMS = Map.of(
            "events", Map.of("type", "EventType", "status", "EventStatus", "format", "EventFormat",
                    "publicationStatus", "PublicationStatus", "include", List.of("speakers", "publications")),
            "publications", Map.of("type", "PublicationType", "publicationStatus", "PublicationStatus"),
            "speakers", Map.of("role", "SpeakerRole"),
            "changes", Map.of("type", List.of("event", "speaker", "publication", "lineup")),
            "audit", Map.of("operation", "Operation"),
            "search", Map.of("type", List.of("event", "speaker", "publication"), "eventType", "EventType",
                    "publicationType", "PublicationType"),
            "suggest", Map.of("type", List.of("event", "speaker", "publication")));
    /** Query parameters that are flags: true or false, nothing else. */
    private static final Set<String> FLAGS = Set.of("unlink");

    private Contract() {
    }

    /** The operationId a generated client gets when the operation names none: verb and resource from the path. */
    static void defaultOperationId(String method, String path, Operation operation, OpenAPI api) {
        if (operation.getOperationId() != null && !operation.getOperationId().isBlank()) {
            return;
        }
        List<String> words = new ArrayList<>();
        boolean item = false;
        for (String segment : path.replaceFirst("^/api/v\\d+", "").split("/")) {
            if (segment.isBlank()) {
                continue;
            }
            if (segment.startsWith("{")) {
                item = true;
                if (!words.isEmpty()) {
                    words.set(words.size() - 1, singular(words.get(words.size() - 1)));
                }
                continue;
            }
            item = false;
            for (String part : segment.split("[^A-Za-z0-9]+")) {
                if (!part.isEmpty()) {
                    words.add(part);
                }
            }
        }
        String verb = switch (method) {
            case "GET" -> item ? "get" : "list";
            case "POST" -> "create";
            case "PUT" -> "replace";
            case "PATCH" -> "update";
            case "DELETE" -> "delete";
            default -> method.toLowerCase(Locale.ROOT);
        };
        if (method.equals("POST") && !words.isEmpty()) {
            words.set(words.size() - 1, singular(words.get(words.size() - 1)));
        }
        StringBuilder id = new StringBuilder(verb);
        words.forEach(w -> id.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1)));
        operation.setOperationId(id.toString());
    }

    private static String singular(String word) {
        return word.endsWith("ies") ? word.substring(0, word.length() - 3) + "y" : word.endsWith("s") ? word.substring(0, word.length() - 1) : word;
    }

    static void complete(OpenAPI api) {
        api.getInfo().getLicense().setIdentifier("Apache-2.0");
        Map<String, Schema> schemas = api.getComponents().getSchemas() == null ? Map.of() : api.getComponents().getSchemas();
        inlineScalars(api, schemas);
        notModified(api);
        headers(api);
        patchSchemas(api, schemas);
        Schema change = schemas.get("Change");
        if (change != null && change.getProperties() != null && change.getProperties().get("record") != null) {
            // An object (an event, speaker or publication), an array (a line-up's places, at most 500) or null (a DELETE).
            // Said without a type list: openapi-generator's Java client cannot compile [object, array, null] (7.25.0),
            // while a schema without a type is any JSON value to every generator (Object, any).
            Schema record = change.getProperties().get("record");
            record.setType(null);
        }
        schemas.forEach((name, schema) -> limits(schema, fieldsFor(name, schemas), schemas));
        if (api.getPaths() != null && api.getPaths().getPathItems() != null) {
            api.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, operation) -> {
                parameters(path, operation, schemas);
                if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
                    operation.getResponses().getAPIResponses().values().forEach(r -> r.setContent(jsonFirst(r.getContent())));
                }
                if (operation.getRequestBody() != null) {
                    eachSchema(operation.getRequestBody().getContent(), s -> limits(s, null, schemas));
                }
                if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
                    operation.getResponses().getAPIResponses().values().forEach(r -> eachSchema(r.getContent(), s -> limits(s, null, schemas)));
                }
            }));
        }
    }

    // ---- date-times inline ----

    /** Schemas that are only a string with a format (the Instant and OffsetDateTime of Java), written inline where used. */
    private static void inlineScalars(OpenAPI api, Map<String, Schema> schemas) {
        Map<String, Schema> scalars = new LinkedHashMap<>();
        schemas.forEach((name, schema) -> {
            if (schema.getType() != null && schema.getType().equals(List.of(Schema.SchemaType.STRING)) && schema.getFormat() != null
                    && schema.getEnumeration() == null && schema.getProperties() == null) {
                scalars.put(name, schema);
            }
        });
        if (scalars.isEmpty()) {
            return;
        }
        walk(api, schema -> {
            String ref = schema.getRef();
            if (ref != null && scalars.containsKey(shortName(ref))) {
                Schema target = scalars.get(shortName(ref));
                schema.setRef(null);
                boolean nullable = schema.getType() != null && schema.getType().contains(Schema.SchemaType.NULL);
                schema.setType(nullable ? List.of(Schema.SchemaType.STRING, Schema.SchemaType.NULL) : List.of(Schema.SchemaType.STRING));
                schema.setFormat(target.getFormat());
                if (schema.getMaxLength() == null) {
                    schema.setMaxLength(40);
                }
            }
        });
        walk(api, schema -> {
            List<Schema> anyOf = schema.getAnyOf();
            if (anyOf != null && anyOf.size() == 2) {
                Schema nullType = anyOf.stream().filter(Contract::isNullType).findFirst().orElse(null);
                Schema other = anyOf.stream().filter(s -> s != nullType).findFirst().orElse(null);
                if (nullType != null && other != null && other.getRef() == null && other.getProperties() == null) {
                    schema.setAnyOf(null);
                    List<Schema.SchemaType> types = new ArrayList<>(other.getType() == null ? List.of() : other.getType());
                    types.add(Schema.SchemaType.NULL);
                    schema.setType(types);
                    if (other.getFormat() != null) {
                        schema.setFormat(other.getFormat());
                    }
                    if (other.getMaxLength() != null) {
                        schema.setMaxLength(other.getMaxLength());
                    }
                }
            }
        });
        scalars.keySet().forEach(api.getComponents()::removeSchema);
    }

    private static boolean isNullType(Schema s) {
        return s.getRef() == null && s.getType() != null && s.getType().equals(List.of(Schema.SchemaType.NULL));
    }

    // ---- limits ----

    /** Fills the limits of a schema's properties, from its fields schema or by name; recurses into items and nested schemas. */
    private static void limits(Schema schema, Schema fields, Map<String, Schema> schemas) {
        if (schema == null) {
            return;
        }
        if (schema.getRef() != null) {
            if (schema.getAnyOf() == null) {
                schema.setType(null);  // a $ref says it all; a type beside it only misleads linters
            }
            return;
        }
        if (schema.getAnyOf() != null && schema.getAnyOf().stream().anyMatch(s -> s.getRef() != null)) {
            schema.setType(null);
        }
        if (schema.getProperties() != null) {
            schema.getProperties().forEach((name, property) -> {
                Schema like = fields == null || fields.getProperties() == null ? null : fields.getProperties().get(name);
                property(name, property, like);
                limits(property, null, schemas);
            });
        }
        if (schema.getItems() != null) {
            limits(schema.getItems(), null, schemas);
        }
        Schema values = schema.getAdditionalPropertiesSchema();
        if (values != null && values.getRef() == null) {
            // A map's values (search facets): lists of at most the most frequent 100.
            if (has(values, Schema.SchemaType.ARRAY) && values.getMaxItems() == null) {
                values.setMaxItems(100);
            }
            limits(values, null, schemas);
        }
        if (schema.getAnyOf() != null) {
            schema.getAnyOf().forEach(s -> limits(s, null, schemas));
        }
    }

    /**
     * The writable-fields schema whose limits a returned schema shares: its own (Event and EventFields), else one
     * made of the same-named properties of every fields schema, the largest limit winning.
     */
    private static Schema fieldsFor(String name, Map<String, Schema> schemas) {
        Schema own = schemas.get(name + "Fields");
        if (own != null || name.endsWith("Fields") || name.endsWith("Patch")) {
            return own;
        }
        Schema merged = OASFactory.createSchema();
        schemas.forEach((other, fields) -> {
            if (other.endsWith("Fields") && fields.getProperties() != null) {
                fields.getProperties().forEach((property, schema) -> {
                    Schema known = merged.getProperties() == null ? null : merged.getProperties().get(property);
                    if (known == null || known.getMaxLength() == null
                            || schema.getMaxLength() != null && schema.getMaxLength() > known.getMaxLength()) {
                        merged.addProperty(property, schema);
                    }
                });
            }
        });
        return merged;
    }

    private static void property(String name, Schema property, Schema like) {
        if (property.getRef() != null) {
            return;
        }
        if (has(property, Schema.SchemaType.STRING) && property.getMaxLength() == null && property.getEnumeration() == null
                && property.getConstValue() == null) {
            Limits named = STRINGS.get(name);
            if (like != null && like.getMaxLength() != null) {
                property.setMaxLength(like.getMaxLength());
                if (property.getPattern() == null && like.getPattern() != null && !like.getPattern().equals("\\S")) {
                    property.setPattern(like.getPattern());
                }
                if (property.getFormat() == null && like.getFormat() != null) {
                    property.setFormat(like.getFormat());
                }
            } else if (name.endsWith("Url") || name.equals("url") || name.equals("website")) {
                property.setMaxLength(2000);
                if (property.getFormat() == null) {
                    property.setFormat("uri");
                }
            } else if (named != null) {
                property.setMaxLength(named.maxLength());
                if (property.getPattern() == null && named.pattern() != null) {
                    property.setPattern(named.pattern());
                }
                if (property.getFormat() == null && named.format() != null) {
                    property.setFormat(named.format());
                }
            } else if (like != null && like.getPattern() != null) {
                property.setPattern(like.getPattern());
            }
        }
        if (has(property, Schema.SchemaType.INTEGER)) {
            long[] limits = INTEGERS.get(name);
            if (limits != null) {
                if (property.getFormat() == null) {
                    property.setFormat("int" + limits[0]);
                }
                if (property.getMinimum() == null) {
                    property.setMinimum(BigDecimal.valueOf(limits[1]));
                }
                if (property.getMaximum() == null) {
                    property.setMaximum(like != null && like.getMaximum() != null ? like.getMaximum() : BigDecimal.valueOf(limits[2]));
                }
            } else if (like != null) {
                if (property.getMinimum() == null) {
                    property.setMinimum(like.getMinimum());
                }
                if (property.getMaximum() == null) {
                    property.setMaximum(like.getMaximum());
                }
            }
        }
        if (has(property, Schema.SchemaType.ARRAY)) {
            if (property.getMaxItems() == null) {
                Integer max = like != null && like.getMaxItems() != null ? like.getMaxItems() : ARRAYS.get(name);
                if (max != null) {
                    property.setMaxItems(max);
                }
            }
            Schema items = property.getItems();
            if (items != null && items.getRef() == null && has(items, Schema.SchemaType.STRING) && items.getMaxLength() == null) {
                Schema likeItems = like == null ? null : like.getItems();
                if (likeItems != null && likeItems.getMaxLength() != null) {
                    items.setMaxLength(likeItems.getMaxLength());
                } else if (name.equals("topics")) {
                    items.setMaxLength(60);
                } else if (name.equals("authors")) {
                    items.setMaxLength(1000);  // names, in search hits
                } else if (name.equals("profiles")) {
                    items.setMaxLength(2000);
                    items.setFormat("uri");
                }
            }
        }
    }

    private static boolean has(Schema schema, Schema.SchemaType type) {
        return schema.getType() != null && schema.getType().contains(type);
    }

    // ---- parameters ----

    private static void parameters(String path, Operation operation, Map<String, Schema> schemas) {
        if (operation.getParameters() == null) {
            return;
        }
        String collection = "";
        for (String segment : path.split("/")) {
            if (!segment.isEmpty() && !segment.startsWith("{")) {
                collection = segment.replaceFirst("\\..*$", "");
            }
        }
        Map<String, Object> enums = QUERY_ENUMS.getOrDefault(collection, Map.of());
        for (Parameter parameter : operation.getParameters()) {
            Schema schema = parameter.getSchema();
            if (schema == null) {
                continue;
            }
            if (parameter.getIn() == Parameter.In.QUERY) {
                Object values = enums.get(parameter.getName());
                Schema target = has(schema, Schema.SchemaType.ARRAY) ? schema.getItems() : schema;
                if (values instanceof String name && schemas.containsKey(name) && target != null && target.getEnumeration() == null) {
                    target.setType(null);
                    target.setRef(name);
                } else if (values instanceof List<?> list && target != null && target.getEnumeration() == null) {
                    target.setEnumeration(new ArrayList<>(list));
                }
                if (FLAGS.contains(parameter.getName()) && has(schema, Schema.SchemaType.STRING)) {
                    schema.setType(List.of(Schema.SchemaType.BOOLEAN));
                    if (parameter.getExample() instanceof String text) {
                        parameter.setExample(Boolean.valueOf(text));
                    }
                }
                if (has(schema, Schema.SchemaType.STRING) && parameter.getExample() != null && !(parameter.getExample() instanceof String)) {
                    parameter.setExample(String.valueOf(parameter.getExample()));
                }
                Limits form = QUERY.get(parameter.getName());
                if (form != null && has(schema, Schema.SchemaType.STRING) && schema.getMaxLength() == null) {
                    schema.setMaxLength(form.maxLength());
                    if (form.pattern() != null) {
                        schema.setPattern(form.pattern());
                    }
                    if (form.format() != null) {
                        schema.setFormat(form.format());
                    }
                }
            }
            if (has(schema, Schema.SchemaType.ARRAY)) {
                if (parameter.getExample() != null && !(parameter.getExample() instanceof List)) {
                    Object example = parameter.getExample();
                    boolean text = schema.getItems() != null && has(schema.getItems(), Schema.SchemaType.STRING);
                    parameter.setExample(List.of(text ? String.valueOf(example) : example));
                }
                if (schema.getMaxItems() == null) {
                    schema.setMaxItems(MAX_QUERY / 2);  // name=v&: no query of 4 KiB repeats a parameter more often
                }
                Schema items = schema.getItems();
                if (items != null && items.getRef() == null && has(items, Schema.SchemaType.STRING) && items.getMaxLength() == null
                        && items.getEnumeration() == null) {
                    items.setMaxLength(MAX_QUERY);
                }
            }
            if (schema.getRef() == null && has(schema, Schema.SchemaType.STRING) && schema.getMaxLength() == null && schema.getEnumeration() == null) {
                switch (parameter.getIn()) {
                    case PATH -> {
                        schema.setMaxLength(120);
                        if (schema.getPattern() == null) {
                            schema.setPattern("^[^/]+$");
                        }
                    }
                    case QUERY -> schema.setMaxLength(MAX_QUERY);
                    default -> schema.setMaxLength(parameter.getName().equalsIgnoreCase("Idempotency-Key") ? 200 : 1000);
                }
            }
        }
    }

    // ---- merge patches ----

    /**
     * A merge-patch body declared as a bare object becomes a schema of its own, derived from the fields schema the
     * same path's PUT takes: every field optional, unknown keys refused. A patch schema of its own requires nothing.
     */
    private static void patchSchemas(OpenAPI api, Map<String, Schema> schemas) {
        if (api.getPaths() == null || api.getPaths().getPathItems() == null) {
            return;
        }
        api.getPaths().getPathItems().forEach((path, item) -> {
            Operation patch = item.getPATCH();
            if (patch == null || patch.getRequestBody() == null || patch.getRequestBody().getContent() == null) {
                return;
            }
            MediaType media = patch.getRequestBody().getContent().getMediaType(MERGE_PATCH);
            if (media == null || media.getSchema() == null) {
                return;
            }
            Schema body = media.getSchema();
            if (body.getRef() != null) {
                Schema named = schemas.get(shortName(body.getRef()));
                if (named != null) {
                    named.setRequired(null);
                }
                return;
            }
            Operation put = item.getPUT();
            Schema fieldsRef = put == null || put.getRequestBody() == null || put.getRequestBody().getContent() == null
                    || put.getRequestBody().getContent().getMediaType(JSON) == null ? null
                    : put.getRequestBody().getContent().getMediaType(JSON).getSchema();
            if (fieldsRef == null || fieldsRef.getRef() == null || !shortName(fieldsRef.getRef()).endsWith("Fields")) {
                return;
            }
            String fieldsName = shortName(fieldsRef.getRef());
            Schema fields = schemas.get(fieldsName);
            String patchName = fieldsName.substring(0, fieldsName.length() - "Fields".length()) + "Patch";
            if (!schemas.containsKey(patchName)) {
                Schema copy = OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                        .description("A JSON merge patch (RFC 7396) of " + fieldsName + ": members set a field, null clears an optional one; "
                                + "unknown members are refused")
                        .additionalPropertiesBoolean(Boolean.FALSE);
                Set<String> required = new HashSet<>(fields.getRequired() == null ? List.of() : fields.getRequired());
                fields.getProperties().forEach((name, property) -> {
                    Schema p = OASFactory.createSchema();
                    if (property.getRef() != null) {
                        if (required.contains(name)) {
                            p.setRef(property.getRef());
                        } else {
                            p.setAnyOf(List.of(OASFactory.createSchema().ref(property.getRef()),
                                    OASFactory.createSchema().type(List.of(Schema.SchemaType.NULL))));
                        }
                    } else {
                        property.getAll().forEach((key, value) -> {
                            if (!key.equals("examples") && !key.equals("description")) {
                                p.set(key, value);
                            }
                        });
                        if (!required.contains(name) && p.getType() != null && !p.getType().contains(Schema.SchemaType.NULL)) {
                            List<Schema.SchemaType> types = new ArrayList<>(p.getType());
                            types.add(Schema.SchemaType.NULL);
                            p.setType(types);
                        }
                    }
                    p.setDescription(property.getDescription());
                    copy.addProperty(name, p);
                });
                api.getComponents().addSchema(patchName, copy);
            }
            body.setType(null);
            body.setRef(patchName);
        });
    }

    // ---- conditional reads ----

    /** Public reads answer If-None-Match and If-Modified-Since (Revalidated, Versions): a 304 wherever it is not declared yet. */
    private static void notModified(OpenAPI api) {
        if (api.getPaths() == null || api.getPaths().getPathItems() == null) {
            return;
        }
        api.getPaths().getPathItems().forEach((path, item) -> {
            Operation get = item.getGET();
            if (get != null && !path.startsWith(AccessPolicy.ADMIN_PATH) && get.getResponses() != null
                    && get.getResponses().getAPIResponse("304") == null) {
                get.getResponses().addAPIResponse("304", OASFactory.createAPIResponse()
                        .description("If-None-Match or If-Modified-Since named the current version: nothing new"));
            }
        });
    }

    // ---- headers ----

    private static void headers(OpenAPI api) {
        api.getComponents().addHeader("RateLimit-Limit", header("Requests the caller's budget allows per window", "integer"));
        api.getComponents().addHeader("RateLimit-Remaining", header("Requests left in the current window", "integer"));
        api.getComponents().addHeader("RateLimit-Reset", header("Seconds until the budget is refilled", "integer"));
        api.getComponents().addHeader("Retry-After", header("Seconds to wait before retrying", "integer"));
        api.getComponents().addHeader("X-Request-Id", header("The request's id, as sent by the client (if clean) or made by the registry", "string"));
        api.getComponents().addHeader("ETag", header("The representation's version, for If-None-Match and If-Match", "string"));
        api.getComponents().addHeader("Last-Modified", header("When the representation last changed (HTTP date)", "string"));
        api.getComponents().addHeader("Location", header("Where the created record lives", "string"));
        api.getComponents().addHeader("Access-Control-Allow-Origin",
                header("The origin allowed to read the answer, on requests that send Origin (REGISTRY_CORS_ORIGINS)", "string"));
        api.getComponents().addHeader("Link", header("The next page (rel=\"next\"), when there is one", "string"));
        if (api.getPaths() == null || api.getPaths().getPathItems() == null) {
            return;
        }
        api.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, operation) -> {
            if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
                return;
            }
            operation.getResponses().getAPIResponses().forEach((status, response) -> {
                if (!status.startsWith("5") || status.equals("503")) {
                    addHeader(response, "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset");
                }
                addHeader(response, "X-Request-Id", "Access-Control-Allow-Origin");
                if (status.equals("429") || status.equals("503")) {
                    addHeader(response, "Retry-After");
                }
                boolean json = response.getContent() != null && response.getContent().getMediaType(JSON) != null;
                if (status.equals("201")) {
                    addHeader(response, "Location", "ETag");
                }
                if (status.equals("200") && json && (method == PathItem.HttpMethod.PUT || method == PathItem.HttpMethod.PATCH)) {
                    addHeader(response, "ETag");
                }
                if ((status.equals("200") || status.equals("304")) && method == PathItem.HttpMethod.GET && !path.startsWith(AccessPolicy.ADMIN_PATH)) {
                    addHeader(response, "ETag");
                    if (path.contains("{") && !path.endsWith("}/speakers")) {
                        addHeader(response, "Last-Modified");
                    }
                    Schema schema = json ? response.getContent().getMediaType(JSON).getSchema() : null;
                    Schema page = schema == null || schema.getRef() == null ? null : api.getComponents().getSchemas().get(shortName(schema.getRef()));
                    if (page != null && page.getProperties() != null && page.getProperties().containsKey("total")
                            && page.getProperties().containsKey("nextCursor")) {
                        addHeader(response, "Link");
                    }
                }
            });
        }));
    }

    private static Header header(String description, String type) {
        Schema schema = OASFactory.createSchema().type(List.of(Schema.SchemaType.valueOf(type.toUpperCase(Locale.ROOT))));
        if (type.equals("integer")) {
            schema.format("int64").minimum(BigDecimal.ZERO).maximum(MAX_LONG);
        } else {
            schema.maxLength(8192);
        }
        return OASFactory.createHeader().description(description).schema(schema);
    }

    private static void addHeader(APIResponse response, String... names) {
        for (String name : names) {
            if (response.getHeaders() == null || !response.getHeaders().containsKey(name)) {
                response.addHeader(name, OASFactory.createHeader().ref(name));
            }
        }
    }

    // ---- helpers ----

    private static Content jsonFirst(Content content) {
        if (content == null || content.getMediaTypes() == null || !content.getMediaTypes().containsKey(JSON)
                || content.getMediaTypes().keySet().iterator().next().equals(JSON)) {
            return content;
        }
        Content ordered = OASFactory.createContent().addMediaType(JSON, content.getMediaType(JSON));
        content.getMediaTypes().forEach((type, media) -> {
            if (!type.equals(JSON)) {
                ordered.addMediaType(type, media);
            }
        });
        return ordered;
    }

    private static void eachSchema(Content content, Consumer<Schema> action) {
        if (content != null && content.getMediaTypes() != null) {
            content.getMediaTypes().values().forEach(m -> {
                if (m.getSchema() != null) {
                    action.accept(m.getSchema());
                }
            });
        }
    }

    private static String shortName(String ref) {
        return ref.substring(ref.lastIndexOf('/') + 1);
    }

    /** Every schema object in the document, nested ones included. */
    private static void walk(OpenAPI api, Consumer<Schema> action) {
        Set<Schema> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        Consumer<Schema> visit = new Consumer<>() {
            @Override
            public void accept(Schema s) {
                if (s == null || !seen.add(s)) {
                    return;
                }
                action.accept(s);
                if (s.getProperties() != null) {
                    s.getProperties().values().forEach(this);
                }
                accept(s.getItems());
                accept(s.getAdditionalPropertiesSchema());
                for (List<Schema> list : java.util.Arrays.asList(s.getAnyOf(), s.getOneOf(), s.getAllOf())) {
                    if (list != null) {
                        list.forEach(this);
                    }
                }
            }
        };
        if (api.getComponents().getSchemas() != null) {
            api.getComponents().getSchemas().values().forEach(visit);
        }
        if (api.getPaths() != null && api.getPaths().getPathItems() != null) {
            api.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(operation -> {
                if (operation.getParameters() != null) {
                    operation.getParameters().forEach(p -> visit.accept(p.getSchema()));
                }
                if (operation.getRequestBody() != null) {
                    eachSchema(operation.getRequestBody().getContent(), visit);
                }
                if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
                    operation.getResponses().getAPIResponses().values().forEach(r -> eachSchema(r.getContent(), visit));
                }
            }));
        }
    }
}
