package org.eventregistry.platform.validation;

import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/**
 * Content negotiation where one path has several representations (JSON and JSON-LD): Quarkus REST then
 * falls back to the first method even when Accept allows neither, so the method checks and answers 406.
 */
public final class Accepts {

    private Accepts() {
    }

    public static void require(HttpHeaders headers, MediaType produced) {
        for (MediaType accepted : headers.getAcceptableMediaTypes()) {
            if (accepted.isCompatible(produced)) {
                return;
            }
        }
        throw new NotAcceptableException();
    }
}
