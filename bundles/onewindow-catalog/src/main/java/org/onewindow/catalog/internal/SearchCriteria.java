package org.onewindow.catalog.internal;

import java.util.Locale;

import org.onewindow.catalog.CatalogQuery;
import org.onewindow.problem.Problem;
import org.onewindow.rest.QueryParams;

/** A checked catalog query, ready for the database: the LIKE pattern, department and row window. */
/** @param pattern lower-case LIKE pattern with {@code \} as escape, or null to match every item */
record SearchCriteria(String pattern, String department, int page, int size) {
    static final int MAX_TEXT = 100;

    /** The pattern without spaces, for the items' search text ({@link SearchText#compact}), or null. */
    String compactPattern() {
        return pattern == null ? null : SearchText.compact(pattern);
    }

    static SearchCriteria of(CatalogQuery query) {
        QueryParams.checkPage(query.page, query.size, CatalogQuery.MAX_SIZE);
        String text = query.q == null ? "" : query.q.strip();
        if (text.length() > MAX_TEXT) {
            throw Problem.badRequest("INVALID_QUERY", "查询文字不能超过 " + MAX_TEXT + " 字");
        }
        String department = query.department == null || query.department.isBlank() ? null : query.department.strip();
        if (department != null && !CatalogValidator.DEPARTMENT_CODE.matcher(department).matches()) {
            throw Problem.badRequest("INVALID_QUERY", "部门编码格式不正确：" + department);
        }
        String pattern = text.isEmpty() ? null : "%" + escapeLike(text.toLowerCase(Locale.ROOT)) + "%";
        return new SearchCriteria(pattern, department, query.page, query.size);
    }

    int firstRow() {
        return (page - 1) * size;
    }

    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
