package org.eventregistry.platform.http;

import org.eventregistry.platform.error.DatabaseUnavailable;
import org.eventregistry.platform.error.FieldError;
import org.eventregistry.platform.error.RegistryException;
import org.eventregistry.platform.validation.Validation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The one place that turns exceptions into problem+json responses. */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);
    private static final Pattern QUALIFIED_TYPE = Pattern.compile("`(?:[\\w$]+\\.)+([\\w$]+)`");

    private record Kind(int status, String type, String title) {
    }

    private static final Map<Class<? extends RegistryException>, Kind> KINDS = Map.ofEntries(
            Map.entry(RegistryException.NotFound.class, new Kind(404, "not-found", "Not found")),
            Map.entry(RegistryException.Conflict.class, new Kind(409, "conflict", "Conflict")),
            Map.entry(RegistryException.PreconditionFailed.class, new Kind(412, "precondition-failed", "Precondition failed")),
            Map.entry(RegistryException.BadRequest.class, new Kind(400, "bad-request", "Bad request")),
            Map.entry(RegistryException.Invalid.class, new Kind(422, "validation-failed", "Validation failed")),
            Map.entry(RegistryException.PayloadTooLarge.class, new Kind(413, "payload-too-large", "Payload too large")),
            Map.entry(RegistryException.Unauthorized.class, new Kind(401, "unauthorized", "Unauthorized")),
            Map.entry(RegistryException.Forbidden.class, new Kind(403, "forbidden", "Forbidden")),
            Map.entry(RegistryException.TooManyRequests.class, new Kind(429, "too-many-requests", "Too many requests")),
            Map.entry(RegistryException.Gone.class, new Kind(410, "gone", "Gone")),
            Map.entry(RegistryException.NotAcceptable.class, new Kind(406, "not-acceptable", "Not acceptable")),
            Map.entry(RegistryException.ServiceUnavailable.class, new Kind(503, "service-unavailable", "Service unavailable")));

    private final AllowedMethods allowedMethods;

    public ProblemMapper(AllowedMethods allowedMethods) {
        this.allowedMethods = allowedMethods;
    }

    @ServerExceptionMapper
    public Response registry(RegistryException e, UriInfo uri) {
        Kind kind = KINDS.get(e.getClass());
        Response.ResponseBuilder response = problemBuilder(kind.status, kind.type, kind.title, e.getMessage(), uri, e.errors());
        e.headers().forEach(response::header);
        return response.build();
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e, UriInfo uri) {
        String pointer = pointer(e);
        return problem(400, "unknown-field", "Unknown field",
                "The field " + pointer + " is not part of this resource", uri,
                List.of(new FieldError(pointer, "unknown field")));
    }

    @ServerExceptionMapper
    public Response badValue(InvalidFormatException e, UriInfo uri) {
        String pointer = pointer(e);
        String detail = e.getTargetType() != null && e.getTargetType().isEnum()
                ? "must be one of " + List.of(e.getTargetType().getEnumConstants())
                : "cannot be read as " + typeName(e.getTargetType());
        return problem(400, "invalid-value", "Invalid value", pointer + " " + detail, uri,
                List.of(new FieldError(pointer, detail)));
    }

    @ServerExceptionMapper
    public Response tooDeepOrLong(StreamConstraintsException e, UriInfo uri) {
        return problem(400, "malformed-json", "Malformed JSON", "The body exceeds a JSON limit: " + firstLine(e), uri, List.of());
    }

    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e, UriInfo uri) {
        return badMapping(e, uri);
    }

    @ServerExceptionMapper
    public Response badMapping(JsonMappingException e, UriInfo uri) {
        String pointer = pointer(e);
        String detail = pointer.isEmpty()
                ? "The body must be a JSON object: " + firstLine(e)
                : pointer + " has the wrong type or form: " + firstLine(e);
        return problem(400, "invalid-value", "Invalid value", detail, uri,
                pointer.isEmpty() ? List.of() : List.of(new FieldError(pointer, firstLine(e))));
    }

    @ServerExceptionMapper
    public Response malformed(JsonProcessingException e, UriInfo uri) {
        return problem(400, "malformed-json", "Malformed JSON", "The body is not valid JSON: " + firstLine(e), uri, List.of());
    }

    @ServerExceptionMapper
    public Response constraint(ConstraintViolationException e, UriInfo uri) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(Validation.pointerOf(v.getPropertyPath()), v.getMessage()))
                .toList();
        return problem(400, "bad-request", "Bad request", "The request is invalid", uri, errors);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri, jakarta.ws.rs.core.Request request) {
        if (e.getCause() instanceof JsonMappingException mapping) {
            return badMapping(mapping, uri);
        }
        if (e.getCause() instanceof JsonProcessingException parsing) {
            return malformed(parsing, uri);
        }
        int status = e.getResponse().getStatus();
        if (status == 404 || status == 405) {
            // The router's answer for a method the path does not have: a 405 naming the ones it has (RFC 9110 15.5.6).
            var allowed = allowedMethods.of(uri.getPath());
            if (allowed.isPresent() && !allowed.get().contains(request.getMethod())) {
                return problemBuilder(405, "method-not-allowed", "Method Not Allowed",
                        request.getMethod() + " is not allowed on " + uri.getPath() + "; allowed: " + AllowedMethods.header(allowed.get()),
                        uri, List.of()).header("Allow", AllowedMethods.header(allowed.get())).build();
            }
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known != null ? known.getReasonPhrase() : "Error";
        String detail = switch (status) {
            case 404 -> "There is nothing at " + uri.getPath();
            case 405 -> "This method is not allowed on " + uri.getPath();
            case 406 -> "None of the media types in Accept can be produced here";
            case 415 -> "This Content-Type is not accepted here; send application/json";
            default -> title;
        };
        Response.ResponseBuilder builder = problemBuilder(status, slug(title), title, detail, uri, List.of());
        e.getResponse().getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type")) {
                values.forEach(v -> builder.header(name, v));
            }
        });
        return builder.build();
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        if (clientHungUp(e)) {
            // Nobody is left to answer: the body never arrived whole, so nothing was done with it.
            LOG.debugf("The client closed the connection while sending %s", uri.getPath());
            return problem(400, "incomplete-request", "Incomplete request", "The connection closed before the body arrived",
                    uri, List.of());
        }
        if (DatabaseUnavailable.causedBy(e)) {
            // Not the request's fault and not a bug: the database is away. Clients retry; readiness is DOWN meanwhile.
            LOG.warnf("The database is unavailable (%s) for %s", rootMessage(e), uri.getPath());
            return problemBuilder(503, "database-unavailable", "Service unavailable",
                    "The registry cannot reach its database just now; retry shortly", uri, List.of())
                    .header("Retry-After", Long.toString(DatabaseUnavailable.RETRY_AFTER_SECONDS)).build();
        }
        LOG.error("Unexpected failure on " + uri.getPath(), e);
        return problem(500, "internal-error", "Internal error", "The registry failed to answer; the failure is logged", uri, List.of());
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        for (int depth = 0; root.getCause() != null && root.getCause() != root && depth < 20; depth++) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private static final String REQUEST_BODY_STREAM = "org.jboss.resteasy.reactive.server.vertx.VertxInputStream";

    /**
     * Whether the client went away before its request was read: Vert.x's closed-connection error while the body
     * streams in, or a closed channel raised by the request body's stream when the body is first asked for after
     * the connection was already gone (a load tool stopping mid-request did that, and it was logged as an
     * unexpected failure). A closed channel anywhere else (H2's file after an interrupt) stays a failure.
     */
    static boolean clientHungUp(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof io.vertx.core.http.HttpClosedException) {
                return true;
            }
            if (t instanceof java.nio.channels.ClosedChannelException && raisedByRequestBody(t)) {
                return true;
            }
        }
        return false;
    }

    private static boolean raisedByRequestBody(Throwable t) {
        StackTraceElement[] frames = t.getStackTrace();
        return frames.length > 0 && frames[0].getClassName().startsWith(REQUEST_BODY_STREAM);
    }

    static Response problem(int status, String type, String title, String detail, UriInfo uri, List<FieldError> errors) {
        return problemBuilder(status, type, title, detail, uri, errors).build();
    }

    private static Response.ResponseBuilder problemBuilder(int status, String type, String title, String detail,
                                                           UriInfo uri, List<FieldError> errors) {
        String instance = uri == null ? null : uri.getPath();
        return Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .entity(new Problem("/problems/" + type, title, status, detail, instance, errors));
    }

    private static String pointer(JsonMappingException e) {
        StringBuilder pointer = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            pointer.append('/');
            if (ref.getFieldName() != null) {
                pointer.append(ref.getFieldName().replace("~", "~0").replace("/", "~1"));
            } else if (ref.getIndex() >= 0) {
                pointer.append(ref.getIndex());
            }
        }
        return pointer.toString();
    }

    private static String typeName(Class<?> type) {
        return type == null ? "the expected type" : type.getSimpleName();
    }

    private static String firstLine(Exception e) {
        String message = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        // Jackson names Java types; the caller knows only the JSON shape.
        return QUALIFIED_TYPE.matcher(line).replaceAll("`$1`");
    }

    private static String slug(String title) {
        return title.toLowerCase().replace(' ', '-');
    }
}
