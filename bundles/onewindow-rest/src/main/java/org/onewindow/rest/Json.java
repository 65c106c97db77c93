package org.onewindow.rest;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;

/** The one JSON mapping of OneWindow: the REST API, import files and the shell all use it. */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            // unknown fields are refused: a misspelt field in an import must not pass silently
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    /** The same mapping with every text checked ({@link CheckedTexts}): what request bodies are read with. */
    private static final ObjectMapper REQUESTS = MAPPER.copy().registerModule(CheckedTexts.module());

    private Json() {
    }

    /**
     * A request body read as {@code type}; malformed JSON is the usual {@link JsonProblems} 400, a text
     * with a control or bidirectional character {@code 400 INVALID_TEXT}.
     */
    public static <T> T read(byte[] json, TypeReference<T> type) {
        try {
            return REQUESTS.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw JsonProblems.of(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A value of ours as JSON text (a journal record, a payload); it always can be, so a failure is a bug. */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(value.getClass().getSimpleName() + " cannot be written as JSON", e);
        }
    }

    /** The same as UTF-8 bytes, for a request body. */
    public static byte[] bytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(value.getClass().getSimpleName() + " cannot be written as JSON", e);
        }
    }

    /**
     * The mapper of request bodies (the REST edge's JSON provider): {@link #mapper()} with every text
     * checked by {@link org.onewindow.problem.Texts}. Data of our own (journal records, files) is read
     * with {@link #mapper()}.
     */
    public static ObjectMapper requests() {
        return REQUESTS;
    }

    /** The shared, thread-safe mapper; do not reconfigure it. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
