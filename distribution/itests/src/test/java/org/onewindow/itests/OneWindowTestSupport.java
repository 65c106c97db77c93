package org.onewindow.itests;

import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.CoreOptions.vmOption;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.keepRuntimeFolder;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.PrivilegedActionException;
import java.security.PrivilegedExceptionAction;

import javax.inject.Inject;
import javax.security.auth.Subject;

import org.apache.karaf.features.BootFinished;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;

import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;
import org.ops4j.pax.exam.util.Filter;

/**
 * Boots the real built appliance (the tar.gz of distribution/karaf) once per test class, in demo
 * mode, on ports of its own so that a running appliance on this machine is not in the way.
 */
public abstract class OneWindowTestSupport {
    static final int HTTP_PORT = Ports.of(9181);
    static final int SSH_PORT = Ports.of(9101);

    @Inject
    protected SessionFactory sessionFactory;

    /**
     * Karaf has installed every boot feature: the tests start only then, as the catalog answering every demo user
     * says nothing of a capability whose feature is still being installed (WindowIT's first upload, now in
     * DemoApplianceIT, met SCANNING_UNAVAILABLE so on a busy machine). Pax Exam looks for an injected service 10 s by
     * default, which a busy machine's boot outlasts (AccessIT's first two tests gave up so), hence the longer wait.
     */
    @Inject
    @Filter(timeout = 180_000)
    protected BootFinished bootFinished;

    protected final Http http = new Http(HTTP_PORT);

    /** The appliance as the README starts it, plus {@code extra}. */
    protected static Option[] appliance(Option... extra) {
        String distribution = System.getProperty("onewindow.distribution");
        Option[] base = {
            karafDistributionConfiguration()
                    .frameworkUrl(new File(distribution).toURI().toString())
                    .name("OneWindow")
                    .unpackDirectory(new File("target/exam"))
                    .useDeployFolder(false),
            configureConsole().ignoreLocalConsole(),
            // kept under target/exam, so that a failed run's data/log/karaf.log can be read
            keepRuntimeFolder(),
            logLevel(LogLevel.WARN),
            // the JVM's temporary folder is data/tmp, as bin/karaf sets it (Pax Exam starts the JVM from the appliance's folder)
            vmOption("-Djava.io.tmpdir=data/tmp"),
            // Pax Exam's probe looks up its own services (the Injector, the ProbeInvoker) for 10 s by default; on a busy
            // two-core machine the appliance's first start can take longer, and the probe then never comes up (the test
            // waits 3 minutes and fails): give it a minute
            vmOption("-Dorg.ops4j.pax.swissbox.tracker.ServiceLookup.DEFAULT_TIMEOUT=60000"),
            // the probe's own wait for its JUnit invoker is another 10 s, fixed in Pax Exam's extender (Parser) unless
            // set: when the boot features are refreshed on a busy machine the invoker is gone for longer, and the class
            // failed with "gave up waiting for service ProbeInvokerFactory"
            vmOption("-Dorg.ops4j.pax.exam.raw.extender.intern.Parser.DEFAULT_TIMEOUT=120000"),
            // OneWindow's own lines at INFO too: the lines that name citizens (masked), which LogsWithoutPersonalDataIT reads
            editConfigurationFilePut("etc/org.ops4j.pax.logging.cfg", "log4j2.logger.onewindow.name", "org.onewindow"),
            editConfigurationFilePut("etc/org.ops4j.pax.logging.cfg", "log4j2.logger.onewindow.level", "INFO"),
            editConfigurationFilePut("etc/org.onewindow.node.cfg", "demo", "true"),
            editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", String.valueOf(HTTP_PORT)),
            editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port.secure", String.valueOf(HTTP_PORT + 20000)),
            editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", String.valueOf(SSH_PORT)),
            // every request of a test comes from 127.0.0.1, and waiting for the demo users fails logins until they
            // exist: the client's slowing down would stop the tests (SessionIT sets it back to test it)
            editConfigurationFilePut("etc/org.onewindow.access.cfg", "clientFreeFailures", "1000"),
            // where the department approval system simulator is, for the tests that run it
            systemProperty("onewindow.simulator").value(System.getProperty("onewindow.simulator", "")),
            // the release the build made, which the node reports (health details, status, replication)
            systemProperty("onewindow.version").value(System.getProperty("onewindow.version", "")),
            // the failsafe fork, whose ports (Ports) the test's code inside the appliance must use too
            systemProperty("onewindow.fork").value(String.valueOf(Ports.FORK)),
        };
        Option[] all = new Option[base.length + extra.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return options(all);
    }

    /**
     * A user of the test's own in {@code etc/users.properties}, its password hashed as releases before
     * bcrypt stored it (unsalted SHA-512): the first login checks it once and hashes it anew, as an
     * upgraded hall's users are. (A plain password would be rewritten by the appliance while the demo
     * users are being added to the same file, and one of the two writes lost.)
     */
    protected static Option user(String name, String password, String roles) {
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-512").digest(password.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder();
            for (byte b : hash) {
                hex.append(String.format("%02X", b));
            }
            return editConfigurationFilePut("etc/users.properties", name, "{CRYPT}" + hex + "{CRYPT}," + roles);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits for the API before a test talks to it. */
    protected void awaitApi() throws InterruptedException {
        http.awaitWindow(Http.BOOT);
    }

    /** Runs a shell command as district IT would (logged in as an admin), and returns what it printed. */
    protected String shell(String command) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Session session = sessionFactory.create(System.in, out, out);
        Subject admin = new Subject();
        admin.getPrincipals().add(new UserPrincipal("it-admin"));
        admin.getPrincipals().add(new RolePrincipal("admin"));
        try {
            Subject.doAs(admin, (PrivilegedExceptionAction<Object>) () -> session.execute(command));
        } catch (PrivilegedActionException e) {
            throw e.getException();
        } finally {
            session.close();
        }
        out.flush();
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
