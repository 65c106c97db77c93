package org.onewindow.rest;

import java.util.List;
import java.util.stream.Collectors;

import org.onewindow.problem.Problem;
import org.onewindow.problem.ProblemDetail;
import org.onewindow.problem.ProblemKind;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;

/** Turns Jackson's parse and mapping failures into problems that name the place in the input. */
public final class JsonProblems {
    private JsonProblems() {
    }

    public static Problem of(JsonProcessingException e) {
        String where = e.getLocation() == null ? ""
                : "（第 " + e.getLocation().getLineNr() + " 行第 " + e.getLocation().getColumnNr() + " 列）";
        if (e instanceof JsonMappingException && !(e instanceof JsonParseException)) {
            return new Problem(ProblemKind.BAD_REQUEST, "INVALID_JSON", "JSON 内容与预期结构不符" + where,
                    List.of(new ProblemDetail(null, path((JsonMappingException) e), e.getOriginalMessage())));
        }
        return Problem.badRequest("MALFORMED_JSON", "JSON 格式错误" + where + "：" + e.getOriginalMessage());
    }

    /** Where in the input a mapping failed, as a field path such as {@code materials[1].code}. */
    public static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining()).replaceFirst("^\\.", "");
    }
}
