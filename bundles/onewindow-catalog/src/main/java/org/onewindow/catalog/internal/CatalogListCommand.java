package org.onewindow.catalog.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.onewindow.catalog.CatalogItemDTO;
import org.onewindow.catalog.CatalogPage;
import org.onewindow.catalog.CatalogQuery;
import org.onewindow.catalog.CatalogService;
import org.onewindow.shell.DisplayTable;
import org.onewindow.shell.DisplayTable.Align;

/** {@code onewindow:catalog-list}: the current catalog, searchable, a page at a time. */
@Command(scope = "onewindow", name = "catalog-list", description = "Lists the current catalog items (事项目录)")
@Service
public class CatalogListCommand implements Action {

    @Reference
    CatalogService catalog;

    @Option(name = "-q", aliases = "--query", description = "Text to find in the item's name, code or keywords, or their pinyin or initials (hkqr)")
    String q;

    @Option(name = "-d", aliases = "--department", description = "Department code")
    String department;

    @Option(name = "-p", aliases = "--page", description = "Page, from 1")
    int page = 1;

    @Option(name = "-s", aliases = "--size", description = "Items per page (up to 500)")
    int size = 100;

    @Override
    public Object execute() {
        CatalogQuery query = new CatalogQuery();
        query.q = q;
        query.department = department;
        query.page = page;
        query.size = size;
        CatalogPage result = catalog.search(query);
        DisplayTable table = new DisplayTable().column("Code").column("Name").column("Department").column("Kind")
                .column("Days", Align.RIGHT).column("Fee", Align.RIGHT).column("Cross", Align.CENTER).column("Online", Align.CENTER)
                .column("Ver", Align.RIGHT);
        for (CatalogItemDTO item : result.items) {
            table.row(item.code, item.name, item.department.name, item.kind == null ? null : item.kind.label(),
                    item.timeLimitDays == 0 ? "即办" : item.timeLimitDays, item.fee.toPlainString(),
                    item.crossDistrict ? "x" : "", item.online ? "x" : "", item.version);
        }
        table.print(System.out);
        long pages = (result.total + result.size - 1) / result.size;
        System.out.printf("%d items, page %d of %d%n", result.total, result.page, Math.max(pages, 1));
        return null;
    }
}
