package org.onewindow.db.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

import org.onewindow.db.PrivateFiles;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At every start, narrows what holds secrets or personal data to the appliance's user, however the
 * appliance was started (bin/setenv's umask 077 does not reach an unpacked archive started otherwise,
 * a service manager or Pax Exam): {@code data/} itself, {@code data/onewindow} (the database, scanned
 * files, keys, notices) and {@code data/tmp} (uploads being read) as 0700 folders of 0600 files, the
 * log folder 0700, and in {@code etc/} the users files, the SSH host key, OneWindow's configurations
 * (keys and shared secrets of departments, the gateway, the hub) and the datasources (passwords).
 * What Derby creates later is owner-only by {@code derby.storage.useDefaultFilePermissions=false}
 * ({@code etc/system.properties}); scans, keys and notices are written so by their bundles.
 */
@Component(immediate = true)
public class PrivateData {
    private static final Logger LOG = LoggerFactory.getLogger(PrivateData.class);
    private static final List<String> ETC_FILES = List.of("users.properties", "shell-users.properties", "host.key");
    private static final List<String> ETC_PATTERNS = List.of("org.onewindow.*.cfg", "org.ops4j.datasource-*.cfg");

    @Activate
    void activate() {
        Path data = Paths.get(System.getProperty("karaf.data", "data"));
        Path etc = Paths.get(System.getProperty("karaf.etc", "etc"));
        narrow(data, etc);
    }

    static void narrow(Path data, Path etc) {
        try {
            PrivateFiles.folder(data);
            // made before the database's first start, so that Derby creates its folder inside a private one
            PrivateFiles.folder(data.resolve("onewindow"));
            PrivateFiles.folder(data.resolve("tmp"));
            PrivateFiles.restrictTree(data.resolve("onewindow"));
            PrivateFiles.restrictTree(data.resolve("tmp"));
            if (Files.isDirectory(data.resolve("log"))) {
                PrivateFiles.folder(data.resolve("log"));
            }
            for (String name : ETC_FILES) {
                PrivateFiles.ownerOnly(etc.resolve(name));
            }
            for (String pattern : ETC_PATTERNS) {
                if (!Files.isDirectory(etc)) {
                    break;
                }
                try (DirectoryStream<Path> files = Files.newDirectoryStream(etc, pattern)) {
                    for (Path file : files) {
                        PrivateFiles.ownerOnly(file);
                    }
                }
            }
        } catch (IOException | java.io.UncheckedIOException | UnsupportedOperationException e) {
            LOG.warn("Cannot narrow the permissions of the appliance's data: {}", e.toString());
        }
    }
}
