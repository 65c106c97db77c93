package org.onewindow.catalog.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.onewindow.catalog.CatalogItemDTO;
import org.onewindow.problem.Problem;
import org.onewindow.problem.ProblemDetail;
import org.onewindow.problem.ProblemKind;
import org.onewindow.rest.Json;
import org.onewindow.rest.JsonProblems;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads the catalog exchange format (a JSON array of items). Each item is read on its own, so
 * one file with many bad items is refused with every one of them named, not just the first.
 */
final class CatalogJson {
    private CatalogJson() {
    }

    static List<CatalogItemDTO> read(byte[] json) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw JsonProblems.of(e);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        if (root == null || !root.isArray()) {
            throw Problem.badRequest("CATALOG_INVALID", "事项目录文件须为 JSON 数组（每个元素一个事项）");
        }
        if (root.isEmpty()) {
            throw Problem.badRequest("CATALOG_EMPTY", "事项目录文件中没有事项");
        }
        List<CatalogItemDTO> items = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<ProblemDetail> problems = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            JsonNode node = root.get(i);
            if (!node.isObject()) {
                labels.add("#" + (i + 1));
                items.add(null);
                problems.add(new ProblemDetail("#" + (i + 1), null, "每个事项须为 JSON 对象"));
                continue;
            }
            String label = node.path("code").isTextual() && !node.path("code").asText().isBlank()
                    ? node.path("code").asText() : "#" + (i + 1);
            labels.add(label);
            try {
                items.add(Json.requests().treeToValue(node, CatalogItemDTO.class));
            } catch (JsonProcessingException e) {
                items.add(null);
                problems.add(mappingProblem(label, e));
            }
        }
        List<CatalogItemDTO> parsed = new ArrayList<>();
        List<String> parsedLabels = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) != null) {
                parsed.add(items.get(i));
                parsedLabels.add(labels.get(i));
            }
        }
        if (!problems.isEmpty()) {
            problems.addAll(CatalogValidator.validate(parsed, parsedLabels));
            throw invalid(problems);
        }
        return items;
    }

    static Problem invalid(List<ProblemDetail> problems) {
        long items = problems.stream().map(p -> p.item).distinct().count();
        String summary = problems.stream().limit(5).map(ProblemDetail::toString).collect(Collectors.joining("；"));
        return new Problem(ProblemKind.BAD_REQUEST, "CATALOG_INVALID", "导入被拒绝，未做任何修改：" + items + " 个事项有 "
                + problems.size() + " 处错误：" + summary + (problems.size() > 5 ? "……" : ""), problems);
    }

    /** One item's mapping failure, in the words of {@link JsonProblems} (no Java type named), or its refused text. */
    private static ProblemDetail mappingProblem(String label, JsonProcessingException e) {
        Problem p = JsonProblems.of(e);
        ProblemDetail d = p.details().isEmpty() ? null : p.details().get(0);
        String field = d != null && d.field != null ? d.field
                : e instanceof JsonMappingException ? JsonProblems.path((JsonMappingException) e) : null;
        return new ProblemDetail(label, field, d == null ? p.getMessage() : d.message);
    }
}
