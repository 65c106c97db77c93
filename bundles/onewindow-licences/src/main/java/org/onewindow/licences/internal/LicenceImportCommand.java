package org.onewindow.licences.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.onewindow.licences.LicenceImportDTO;
import org.onewindow.licences.LicenceService;
import org.onewindow.licences.NewLicenceDTO;
import org.onewindow.problem.Problem;
import org.onewindow.problem.ProblemDetail;
import org.onewindow.rest.Json;
import org.onewindow.shell.ShellActor;

import com.fasterxml.jackson.core.type.TypeReference;

/** {@code onewindow:licence-import FILE}: loads historic licences, all or nothing. */
@Command(scope = "onewindow", name = "licence-import",
        description = "Imports licences into the electronic licence library from a JSON file; one bad row changes nothing")
@Service
public class LicenceImportCommand implements Action {
    private static final int SHOWN = 50;

    @Reference
    LicenceService licences;

    @Reference
    Session session;

    @Argument(index = 0, name = "file", required = true, description = "The JSON file (an array of licences)")
    String file;

    @Override
    public Object execute() throws IOException {
        Path path = Paths.get(file);
        if (!Files.isRegularFile(path)) {
            System.err.println("No such file: " + path.toAbsolutePath());
            return null;
        }
        try {
            List<NewLicenceDTO> rows = Json.read(Files.readAllBytes(path), new TypeReference<List<NewLicenceDTO>>() {
            });
            LicenceImportDTO result = licences.importLicences(rows, ShellActor.of(session));
            System.out.printf("Imported %s: %d licences in %d ms%n", path.getFileName(), result.imported, result.millis);
        } catch (Problem e) {
            System.err.println("Refused [" + e.code() + "]: nothing was changed. " + (e.details().isEmpty() ? e.getMessage() : ""));
            e.details().stream().limit(SHOWN).forEach(d -> System.err.println("  " + d));
            if (e.details().size() > SHOWN) {
                System.err.println("  ... and " + (e.details().size() - SHOWN) + " more");
            }
        }
        return null;
    }
}
