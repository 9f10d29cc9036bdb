package org.eventregistry.platform.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.time.temporal.Temporal;

/**
 * Makes JSON writing safe to inline in HTML (a partner's {@code <script type="application/ld+json">}): <, >, &
 * and ' are written as unicode escapes. Makes JSON reading strict: no duplicate keys, no type coercion ("title": 12 is an error, not "12"), no trailing data,
 * a bounded nesting depth, and no control characters or broken surrogates inside strings.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    public static final int MAX_NESTING_DEPTH = 32;

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.getFactory().setCharacterEscapes(new HtmlSafe());
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .maxStringLength(2_000_000)
                .maxNumberLength(40)
                .build());
        // A key given twice is refused (last-one-wins would let {"role":"PARTNER","role":"ADMIN"} through).
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
                DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
        for (LogicalType type : new LogicalType[]{LogicalType.Textual, LogicalType.Enum, LogicalType.POJO,
                LogicalType.Integer, LogicalType.Boolean, LogicalType.DateTime, LogicalType.Collection}) {
            mapper.coercionConfigFor(type)
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        mapper.registerModule(new SimpleModule("registry-strict-strings").addDeserializer(String.class, new CleanString())
                .setDeserializerModifier(new BeanDeserializerModifier() {
                    @Override
                    public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                                                                  JsonDeserializer<?> deserializer) {
                        return Temporal.class.isAssignableFrom(description.getBeanClass()) ? new TextOnly<>(deserializer) : deserializer;
                    }
                }));
    }

    /** Escapes the characters that could end a script element or start markup when JSON is inlined in HTML. */
    static final class HtmlSafe extends CharacterEscapes {

        private final int[] escapes = CharacterEscapes.standardAsciiEscapesForJSON();

        HtmlSafe() {
            for (char c : new char[]{'<', '>', '&', '\''}) {
                escapes[c] = CharacterEscapes.ESCAPE_STANDARD;
            }
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return escapes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return null;
        }
    }

    /** Dates and times are ISO-8601 text only: a number (12345) is not read as seconds since 1970. */
    static final class TextOnly<T> extends StdDeserializer<T> implements ContextualDeserializer {

        private final JsonDeserializer<T> text;

        @SuppressWarnings("unchecked")
        TextOnly(JsonDeserializer<?> text) {
            super(text.handledType());
            this.text = (JsonDeserializer<T>) text;
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) throws JsonMappingException {
            return text instanceof ContextualDeserializer contextual ? new TextOnly<>(contextual.createContextual(ctxt, property)) : this;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                throw MismatchedInputException.from(p, handledType(), "must be an ISO-8601 date or time as a string");
            }
            return text.deserialize(p, ctxt);
        }
    }

    /** Reads only JSON strings, and refuses text that no feed, calendar or database should carry. */
    static final class CleanString extends StdScalarDeserializer<String> {

        CleanString() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return (String) ctxt.handleUnexpectedToken(String.class, p);
            }
            String text = p.getText();
            String problem = problemIn(text);
            if (problem != null) {
                throw MismatchedInputException.from(p, String.class, problem);
            }
            return text;
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual;
        }
    }

    /** Why a text cannot be stored, or null when it can. */
    public static String problemIn(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f) {
                return "must not contain control characters (found U+" + String.format("%04X", (int) c) + ")";
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "must not contain an unpaired surrogate";
            }
            if (Character.isLowSurrogate(c)) {
                return "must not contain an unpaired surrogate";
            }
            if (c == 0xfffe || c == 0xffff) {
                return "must not contain the non-character U+" + String.format("%04X", (int) c);
            }
        }
        return null;
    }
}
