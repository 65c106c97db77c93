package org.onewindow.catalog.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.fail;

import org.junit.Test;
import org.onewindow.catalog.CatalogQuery;
import org.onewindow.problem.Problem;

public class SearchCriteriaTest {

    @Test
    public void textBecomesALowerCaseContainsPattern() {
        assertEquals("%户口%", SearchCriteria.of(query(" 户口 ", null, 1, 20)).pattern());
        assertEquals("%ga-hj%", SearchCriteria.of(query("GA-HJ", null, 1, 20)).pattern());
        assertNull(SearchCriteria.of(query("  ", null, 1, 20)).pattern());
    }

    @Test
    public void likeWildcardsInTheTextAreEscaped() {
        assertEquals("%100\\%\\_a\\\\%", SearchCriteria.of(query("100%_a\\", null, 1, 20)).pattern());
    }

    @Test
    public void pagesAreOneBasedAndBounded() {
        assertEquals(40, SearchCriteria.of(query(null, null, 3, 20)).firstRow());
        SearchCriteria.of(query(null, null, 1, CatalogQuery.MAX_SIZE));
        refused(query(null, null, 0, 20));
        refused(query(null, null, 1, 0));
        refused(query(null, null, 1, CatalogQuery.MAX_SIZE + 1));
    }

    @Test
    public void departmentMustBeACode() {
        assertEquals("GA", SearchCriteria.of(query(null, " GA ", 1, 20)).department());
        refused(query(null, "公安'--", 1, 20));
    }

    private static void refused(CatalogQuery q) {
        try {
            SearchCriteria.of(q);
            fail("query must be refused");
        } catch (Problem expected) {
            assertEquals("INVALID_QUERY", expected.code());
        }
    }

    private static CatalogQuery query(String q, String department, int page, int size) {
        CatalogQuery query = new CatalogQuery();
        query.q = q;
        query.department = department;
        query.page = page;
        query.size = size;
        return query;
    }
}
