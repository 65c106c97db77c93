package org.onewindow.rest;

import java.io.IOException;

import org.onewindow.problem.MultiLine;
import org.onewindow.problem.Texts;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

/**
 * Every text of a request body, checked by {@link Texts} as it is read: single-line unless its field
 * is marked {@link MultiLine}. A refused text is a {@code 400 INVALID_TEXT} naming the field by its
 * path in the body ({@code applicant.name}, {@code materials[1].name}), before any service sees it.
 */
final class CheckedTexts extends StdScalarDeserializer<String> implements ContextualDeserializer {
    private static final long serialVersionUID = 1L;
    private final boolean multiLine;

    private CheckedTexts(boolean multiLine) {
        super(String.class);
        this.multiLine = multiLine;
    }

    static SimpleModule module() {
        return new SimpleModule("onewindow-texts").addDeserializer(String.class, new CheckedTexts(false));
    }

    @Override
    public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
        boolean multi = property != null && property.getAnnotation(MultiLine.class) != null;
        return multi == multiLine ? this : new CheckedTexts(multi);
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        String value = StringDeserializer.instance.deserialize(p, ctxt);
        int bad = Texts.firstRefused(value, multiLine);
        if (bad >= 0) {
            throw Texts.invalid(path(p.getParsingContext()), bad);
        }
        return value;
    }

    /** Where the parser is, as a field path: {@code materials[1].name}. */
    static String path(JsonStreamContext context) {
        java.util.Deque<String> parts = new java.util.ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.push("[" + c.getCurrentIndex() + "]");
            } else if (c.getCurrentName() != null) {
                parts.push(c.getCurrentName());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String part : parts) {
            if (out.length() > 0 && !part.startsWith("[")) {
                out.append('.');
            }
            out.append(part);
        }
        return out.toString();
    }
}
