package org.onewindow.rest;

import java.util.List;
import java.util.stream.Collectors;

import org.onewindow.problem.Problem;
import org.onewindow.problem.ProblemDetail;
import org.onewindow.problem.ProblemKind;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns Jackson's parse and mapping failures into problems that name the place in the input. The
 * messages are our own: Jackson's name Java types ({@code java.lang.String}, our DTO classes), which
 * tell a caller about the inside of the appliance and nothing about what to send.
 */
public final class JsonProblems {
    private JsonProblems() {
    }

    public static Problem of(JsonProcessingException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof Problem) {
                return (Problem) t;
            }
        }
        String where = e.getLocation() == null ? ""
                : "（第 " + e.getLocation().getLineNr() + " 行第 " + e.getLocation().getColumnNr() + " 列）";
        if (e instanceof JsonMappingException && !(e instanceof JsonParseException)) {
            String field = path((JsonMappingException) e);
            return new Problem(ProblemKind.BAD_REQUEST, "INVALID_JSON", "JSON 内容与预期结构不符" + where,
                    List.of(new ProblemDetail(null, field, what((JsonMappingException) e))));
        }
        return Problem.badRequest("MALFORMED_JSON", "JSON 格式错误" + where + "：" + withoutTypes(e.getOriginalMessage()));
    }

    /** A parser's message with every qualified Java name (such as {@code java.lang.String}) taken out. */
    static String withoutTypes(String message) {
        return message == null ? "" : JAVA_NAME.matcher(message).replaceAll("…");
    }

    private static final java.util.regex.Pattern JAVA_NAME = java.util.regex.Pattern.compile(
            "(?:\\(class )?\\b(?:[a-z_$][\\w$]*\\.)+[A-Za-z_$][\\w$]*\\b\\)?");

    /** What is wrong with a field, in words a caller can act on, naming no Java type. */
    static String what(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException) {
            return "未知字段 " + ((UnrecognizedPropertyException) e).getPropertyName();
        }
        if (e instanceof InvalidFormatException) {
            return "值的格式不符，应为" + kind(((InvalidFormatException) e).getTargetType());
        }
        if (e instanceof MismatchedInputException) {
            return "类型不符，应为" + kind(((MismatchedInputException) e).getTargetType());
        }
        return "内容不符";
    }

    /** A JSON type in words, with the allowed values of an enumeration. */
    static String kind(Class<?> type) {
        if (type == null) {
            return "其他类型";
        }
        if (type.isEnum()) {
            Object[] values = type.getEnumConstants();
            return "以下之一：" + java.util.Arrays.stream(values).map(Object::toString).collect(Collectors.joining("、"));
        }
        if (CharSequence.class.isAssignableFrom(type) || type == Character.class || type == char.class
                || java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "文本";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "数字";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true 或 false";
        }
        if (type.isArray() || java.util.Collection.class.isAssignableFrom(type)) {
            return "数组";
        }
        return "对象";
    }

    /** Where in the input a mapping failed, as a field path such as {@code materials[1].code}. */
    public static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining()).replaceFirst("^\\.", "");
    }
}
