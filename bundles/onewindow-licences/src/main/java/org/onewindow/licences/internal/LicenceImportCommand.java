package org.onewindow.licences.internal;

import java.io.IOException;
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
import org.onewindow.rest.Json;
import org.onewindow.shell.ImportFiles;
import org.onewindow.shell.ShellActor;

import com.fasterxml.jackson.core.type.TypeReference;

/** {@code onewindow:licence-import FILE}: loads historic licences, all or nothing. */
@Command(scope = "onewindow", name = "licence-import",
        description = "Imports licences into the electronic licence library from a JSON file; one bad row changes nothing")
@Service
public class LicenceImportCommand implements Action {
    @Reference
    LicenceService licences;

    @Reference
    Session session;

    @Argument(index = 0, name = "file", required = true, description = "The JSON file (an array of licences)")
    String file;

    @Override
    public Object execute() throws IOException {
        ImportFiles.load(file, System.out, (json, name) -> {
            List<NewLicenceDTO> rows = Json.read(json, new TypeReference<List<NewLicenceDTO>>() {
            });
            LicenceImportDTO result = licences.importLicences(rows, ShellActor.of(session));
            System.out.printf("Imported %s: %d licences in %d ms%n", name, result.imported, result.millis);
        });
        return null;
    }
}
