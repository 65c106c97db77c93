package org.onewindow.catalog.internal;

import java.io.IOException;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.onewindow.catalog.CatalogService;
import org.onewindow.catalog.ImportResultDTO;
import org.onewindow.catalog.ImportedItemDTO;
import org.onewindow.catalog.ImportOutcome;
import org.onewindow.shell.ImportFiles;

/** {@code onewindow:catalog-import FILE}: imports a catalog file, all or nothing. */
@Command(scope = "onewindow", name = "catalog-import",
        description = "Imports catalog items from a JSON exchange file; changed items get a new version, a bad file changes nothing")
@Service
public class CatalogImportCommand implements Action {

    @Reference
    CatalogService catalog;

    @Reference
    Session session;

    @Argument(index = 0, name = "file", required = true, description = "The JSON file (an array of items)")
    String file;

    @Override
    public Object execute() throws IOException {
        ImportFiles.load(file, System.out, (json, name) -> {
            ImportResultDTO result = catalog.importItems(CatalogJson.read(json), "shell:" + user());
            for (ImportedItemDTO item : result.items) {
                if (item.outcome != ImportOutcome.UNCHANGED) {
                    System.out.printf("  %-12s %-20s v%d%n", item.outcome, item.code, item.version);
                }
            }
            System.out.printf("Imported %s: %d created, %d new versions, %d unchanged%n", name,
                    result.created, result.newVersions, result.unchanged);
        });
        return null;
    }

    private String user() {
        Object user = session.get("USER");
        return user == null ? "karaf" : user.toString();
    }
}
