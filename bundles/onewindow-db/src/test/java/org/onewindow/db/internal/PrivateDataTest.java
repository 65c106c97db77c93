package org.onewindow.db.internal;

import static org.junit.Assert.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.Test;

public class PrivateDataTest {

    @Test
    public void dataAndSecretsOfEtcAreTheAppliancesUsersOnly() throws IOException {
        Path home = Files.createTempDirectory("appliance");
        Path data = home.resolve("data");
        Path etc = home.resolve("etc");
        Path scan = data.resolve("onewindow/scans/ab/cd/abcd");
        Path derby = data.resolve("onewindow/derby/seg0/c10.dat");
        Path upload = data.resolve("tmp/ow-upload-1/cos1.tmp");
        Path log = data.resolve("log/karaf.log");
        for (Path f : new Path[] {scan, derby, upload, log, etc.resolve("users.properties"), etc.resolve("org.onewindow.relay.department-GA.cfg"),
                etc.resolve("org.ops4j.datasource-onewindow-hub.cfg"), etc.resolve("org.apache.karaf.log.cfg")}) {
            Files.createDirectories(f.getParent());
            Files.writeString(f, "x");
            Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
            Files.setPosixFilePermissions(f.getParent(), PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));

        PrivateData.narrow(data, etc);

        assertEquals("rwx------", mode(data));
        for (Path f : new Path[] {scan, derby, upload}) {
            assertEquals(f.toString(), "rw-------", mode(f));
            assertEquals(f.toString(), "rwx------", mode(f.getParent()));
        }
        assertEquals("rwx------", mode(data.resolve("onewindow")));
        assertEquals("rwx------", mode(log.getParent()));
        assertEquals("rw-------", mode(etc.resolve("users.properties")));
        assertEquals("rw-------", mode(etc.resolve("org.onewindow.relay.department-GA.cfg")));
        assertEquals("rw-------", mode(etc.resolve("org.ops4j.datasource-onewindow-hub.cfg")));
        assertEquals("Karaf's own settings are left as they are", "rw-r--r--", mode(etc.resolve("org.apache.karaf.log.cfg")));
    }

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }
}
