package org.onewindow.catalog.internal;

import java.util.Locale;

import org.onewindow.catalog.CatalogQuery;
import org.onewindow.problem.Problem;

/** A checked catalog query, ready for the database: the LIKE pattern, department and row window. */
final class SearchCriteria {
    static final int MAX_TEXT = 100;
    /** Deeper than any catalog goes; keeps the row offset within an int. */
    static final int MAX_PAGE = 100_000;

    /** Lower-case LIKE pattern with {@code \} as escape, or null to match every item. */
    final String pattern;
    final String department;
    final int page;
    final int size;

    private SearchCriteria(String pattern, String department, int page, int size) {
        this.pattern = pattern;
        this.department = department;
        this.page = page;
        this.size = size;
    }

    static SearchCriteria of(CatalogQuery query) {
        if (query.page < 1 || query.page > MAX_PAGE) {
            throw Problem.badRequest("INVALID_QUERY", "page 须在 1 到 " + MAX_PAGE + " 之间");
        }
        if (query.size < 1 || query.size > CatalogQuery.MAX_SIZE) {
            throw Problem.badRequest("INVALID_QUERY", "size 须在 1 到 " + CatalogQuery.MAX_SIZE + " 之间");
        }
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
