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

    /**
     * Whether the client's first choice, among the media ranges of the highest quality in the order it wrote them,
     * is text/plain or text/*: text answers (citations, iCalendar) are then sent as text/plain, which every HTTP client and
     * generated SDK reads as a string. A header that cannot be read counts as no preference.
     */
    public static boolean prefersPlainText(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        String best = null;
        double bestQuality = -1;
        for (String part : accept.split(",")) {
            String[] pieces = part.strip().split(";");
            double quality = 1;
            for (int i = 1; i < pieces.length; i++) {
                String parameter = pieces[i].strip();
                if (parameter.startsWith("q=")) {
                    try {
                        quality = Double.parseDouble(parameter.substring(2));
                    } catch (NumberFormatException e) {
                        return false;
                    }
                }
            }
            if (quality > bestQuality) {
                bestQuality = quality;
                best = pieces[0].strip();
            }
        }
        return bestQuality > 0 && ("text/plain".equalsIgnoreCase(best) || "text/*".equals(best));
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
