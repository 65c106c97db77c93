package org.onewindow.tls.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.onewindow.security.Actor;
import org.onewindow.shell.ShellActor;
import org.onewindow.tls.CertificateFingerprints;

/** {@code onewindow:tls-install FILE…}: the appliance serves the city CA's certificate from now on, without a restart. */
@Command(scope = "onewindow", name = "tls-install", description = "Installs the HTTPS key and certificate chain (PEM files, or one PKCS#12 file) and reloads it at once")
@Service
public class TlsInstallCommand implements Action {

    @Reference
    ApplianceTls tls;

    @Reference
    Session session;

    @Option(name = "--password-file", description = "File holding the password of a PKCS#12 file")
    String passwordFile;

    @Argument(index = 0, name = "files", required = true, multiValued = true,
            description = "The private key and the certificate with its chain (PEM, in any order), or one .p12/.pfx file")
    List<String> files;

    @Override
    public Object execute() throws Exception {
        ShellActor.of(session).requireAny(Set.of(Actor.ADMIN));
        List<Path> paths = new ArrayList<>();
        Path home = EdgeSettings.home();
        for (String f : files) {
            paths.add(home.resolve(Paths.get(f)));
        }
        char[] password = passwordFile == null ? null : Files.readString(home.resolve(passwordFile), StandardCharsets.UTF_8).strip().toCharArray();
        List<X509Certificate> chain = tls.install(paths, password);
        X509Certificate served = chain.get(0);
        System.out.printf("Installed: %s%n  issued by  %s%n  valid until %s%n  SHA-256    %s%n  chain      %d certificate(s); HTTPS serves it now%n",
                served.getSubjectX500Principal().getName(), served.getIssuerX500Principal().getName(), served.getNotAfter().toInstant(),
                CertificateFingerprints.of(served), chain.size());
        return null;
    }
}
