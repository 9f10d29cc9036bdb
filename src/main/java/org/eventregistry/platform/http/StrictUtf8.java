package org.eventregistry.platform.http;

import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import org.eventregistry.platform.error.RegistryException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Refuses a JSON body that is not well-formed UTF-8 (overlong forms such as C0 AF for '/', stray bytes, cut
 * sequences, encoded surrogates) with a 400 before it is parsed: a lenient decoder would store something other
 * than what was sent.
 */
@Provider
public class StrictUtf8 implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (context.getMediaType() == null || !context.getMediaType().getSubtype().endsWith("json")) {
            return context.proceed();
        }
        byte[] body = context.getInputStream().readNBytes((int) RequestLimits.MAX_BYTES + 1);
        if (body.length > RequestLimits.MAX_BYTES) {
            throw new RegistryException.PayloadTooLarge("The body is larger than " + RequestLimits.MAX_BYTES + " bytes (1 MiB)");
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body));
        } catch (CharacterCodingException e) {
            throw new RegistryException.BadRequest("The body is not well-formed UTF-8");
        }
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }
}
