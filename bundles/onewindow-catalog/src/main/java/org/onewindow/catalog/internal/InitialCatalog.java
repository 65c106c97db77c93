package org.onewindow.catalog.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

import org.onewindow.catalog.CatalogItemDTO;
import org.onewindow.catalog.CatalogService;
import org.onewindow.catalog.ImportResultDTO;
import org.onewindow.node.JsonFiles;
import org.onewindow.problem.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills an empty catalog at start: first from the hall's own files in {@code etc/onewindow/catalog/*.json},
 * then, in demo mode only, from the demo catalog carried by this bundle. A refused file is logged
 * and skipped: it never stops the node.
 */
final class InitialCatalog {
    private static final Logger LOG = LoggerFactory.getLogger(InitialCatalog.class);
    static final String DEMO_CATALOG = "/demo/catalog.json";

    private InitialCatalog() {
    }

    static void fill(CatalogService catalog, Path directory, boolean demo) {
        if (catalog.count() > 0) {
            return;
        }
        for (Path file : files(directory)) {
            load(catalog, file.toString(), () -> Files.newInputStream(file));
        }
        if (catalog.count() == 0 && demo) {
            load(catalog, "demo catalog", () -> InitialCatalog.class.getResourceAsStream(DEMO_CATALOG));
        }
    }

    private static void load(CatalogService catalog, String source, Opener opener) {
        try (InputStream in = opener.open()) {
            List<CatalogItemDTO> items = CatalogJson.read(in.readAllBytes());
            ImportResultDTO result = catalog.importItems(items, "system:initial-import");
            LOG.info("Catalog loaded from {}: {} items", source, result.items.size());
        } catch (Problem e) {
            LOG.error("Catalog file {} refused, nothing imported from it: {}", source, e.getMessage());
        } catch (IOException e) {
            LOG.error("Cannot read catalog file {}: {}", source, e.getMessage());
        }
    }

    static Path directory(CatalogConfig config) {
        return config.importDirectory().isBlank()
                ? Paths.get(System.getProperty("karaf.etc", "etc"), "onewindow", "catalog")
                : Paths.get(config.importDirectory());
    }

    /** The *.json files of a folder, by name; none when it cannot be read (logged). */
    static List<Path> files(Path dir) {
        try {
            return JsonFiles.in(dir);
        } catch (UncheckedIOException e) {
            LOG.error("Cannot list catalog folder {}: {}", dir, e.getCause().getMessage());
            return List.of();
        }
    }

    private interface Opener {
        InputStream open() throws IOException;
    }
}
