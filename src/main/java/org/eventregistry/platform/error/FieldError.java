package org.eventregistry.platform.error;

/** One reason a request was refused, located by a JSON Pointer (RFC 6901) into the body or naming a query parameter. */
public record FieldError(String pointer, String detail) {
}
