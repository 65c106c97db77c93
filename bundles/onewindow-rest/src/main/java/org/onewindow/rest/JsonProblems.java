package org.onewindow.rest;

import java.util.stream.Collectors;

import org.onewindow.problem.Problem;
import org.onewindow.problem.ProblemDetail;
import org.onewindow.problem.ProblemKind;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;

import java.util.List;

/** Turns Jackson's parse and mapping failures into problems that name the place in the input. */
public final class JsonProblems {
    private JsonProblems() {
    }

    public static Problem of(JsonProcessingException e) {
        String where = e.getLocation() == null ? ""
                : "（第 " + e.getLocation().getLineNr() + " 行第 " + e.getLocation().getColumnNr() + " 列）";
        if (e instanceof JsonMappingException && !(e instanceof JsonParseException)) {
            String path = ((JsonMappingException) e).getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."));
            return new Problem(ProblemKind.BAD_REQUEST, "INVALID_JSON", "JSON 内容与预期结构不符" + where,
                    List.of(new ProblemDetail(null, path.replace(".[", "["), e.getOriginalMessage())));
        }
        return Problem.badRequest("MALFORMED_JSON", "JSON 格式错误" + where + "：" + e.getOriginalMessage());
    }
}
