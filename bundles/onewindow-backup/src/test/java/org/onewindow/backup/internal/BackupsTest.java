package org.onewindow.backup.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.onewindow.audit.AuditEvent;
import org.onewindow.audit.AuditTrail;
import org.onewindow.audit.Outcome;
import org.onewindow.node.NodeInfo;
import org.onewindow.node.NodeRole;
import org.onewindow.problem.Problem;
import org.onewindow.security.Actor;
import org.osgi.service.cm.ConfigurationAdmin;

/** The component: one backup at a time (409), every attempt in the audit trail, retention, the listing, the schedule's health. */
public class BackupsTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();
    private FakeAppliance appliance;
    private Backups backups;
    private final List<AuditEvent> recorded = new ArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch entered = new CountDownLatch(1);
    private volatile boolean holdFirst;
    private final Actor admin = new Actor("admin", Set.of(Actor.ADMIN));

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, java.lang.reflect.InvocationHandler handler) {
        return (T) Proxy.newProxyInstance(BackupsTest.class.getClassLoader(), new Class<?>[] {type}, handler);
    }

    private BackupConfig config(String dailyAt, int keep) {
        Map<String, Object> values = Map.of("directory", tmp.getRoot().toPath().resolve("backups").toString(), "dailyAt", dailyAt, "keep", keep,
                "overdueHours", 26);
        return proxy(BackupConfig.class, (p, m, a) -> values.get(m.getName()));
    }

    @Before
    public void setUp() throws Exception {
        appliance = new FakeAppliance(tmp.newFolder("home").toPath());
        System.setProperty("karaf.data", appliance.home.resolve("data").toString());
        System.setProperty("karaf.etc", appliance.home.resolve("etc").toString());
        backups = new Backups();
        // the first connection of a backup can be held, to have a backup running while another is asked for
        backups.dataSource = proxy(DataSource.class, (p, m, a) -> {
            if (m.getName().equals("getConnection") && holdFirst) {
                holdFirst = false;
                entered.countDown();
                release.await(30, TimeUnit.SECONDS);
            }
            return m.invoke(appliance.database, a);
        });
        NodeInfo info = new NodeInfo();
        info.role = NodeRole.DISTRICT;
        info.districtCode = "441302";
        info.version = "0.1.0-SNAPSHOT";
        backups.node = () -> info;
        backups.trail = proxy(AuditTrail.class, (p, m, a) -> {
            if (m.getName().equals("record")) {
                synchronized (recorded) {
                    recorded.add((AuditEvent) a[0]);
                }
                return 1L;
            }
            throw new UnsupportedOperationException(m.getName());
        });
        backups.configurations = proxy(ConfigurationAdmin.class, (p, m, a) -> {
            throw new java.io.IOException("no configuration here");
        });
    }

    @After
    public void tearDown() {
        backups.deactivate();
        appliance.stop();
        System.clearProperty("karaf.data");
        System.clearProperty("karaf.etc");
    }

    @Test
    public void aSecondBackupWhileOneRunsIsRefusedWith409AndEveryAttemptIsAudited() throws Exception {
        backups.activate(config("", 7));
        appliance.caseWithScan("page one");
        holdFirst = true;
        CompletableFuture<BackupDTO> first = CompletableFuture.supplyAsync(() -> backups.backup(admin));
        assertTrue(entered.await(30, TimeUnit.SECONDS));

        Problem refused = assertThrows(Problem.class, () -> backups.backup(admin));
        assertEquals("BACKUP_RUNNING", refused.code());
        assertEquals(409, refused.kind().status());
        assertTrue(backups.list(admin).running);

        release.countDown();
        BackupDTO made = first.get(60, TimeUnit.SECONDS);
        assertEquals(1, made.scans);
        assertEquals(Long.valueOf(1), made.newScans);
        assertEquals("VERIFIED", made.verification);
        BackupsDTO listed = backups.list(admin);
        assertFalse(listed.running);
        assertEquals(made.name, listed.backups.get(0).name);
        assertEquals(Boolean.TRUE, listed.lastSucceeded);
        synchronized (recorded) {
            assertEquals(1, recorded.size());
            assertEquals("BACKUP", recorded.get(0).action());
            assertEquals(made.name, recorded.get(0).objectKey());
            assertEquals(Outcome.SUCCESS, recorded.get(0).outcome());
        }
        assertEquals("last good backup", List.of("directory", "daily at", "last good backup", "last attempt"), new ArrayList<>(backups.status().keySet()));
    }

    @Test
    public void aFailedBackupIsAuditedAsAFailureAndListedWithItsError() throws Exception {
        backups.activate(config("", 7));
        String sha = appliance.caseWithScan("page one");
        java.nio.file.Files.delete(appliance.scan(sha));

        Problem failed = assertThrows(Problem.class, () -> backups.backup(admin));

        assertEquals("BACKUP_FAILED", failed.code());
        BackupsDTO listed = backups.list(admin);
        assertEquals(Boolean.FALSE, listed.lastSucceeded);
        assertTrue(listed.lastError, listed.lastError.contains(sha));
        assertEquals(List.of(), listed.backups);
        assertEquals(Outcome.FAILURE, recorded.get(0).outcome());
    }

    @Test
    public void retentionKeepsTheConfiguredNumber() throws Exception {
        backups.activate(config("", 2));
        for (int i = 0; i < 3; i++) {
            appliance.caseWithScan("page " + i);
            backups.backup(admin);
        }
        BackupsDTO listed = backups.list(admin);
        assertEquals(2, listed.backups.size());
        assertEquals(3, listed.backups.get(0).scans);
    }

    @Test
    public void onlyTheSystemAdministratorBacksUp() {
        backups.activate(config("", 7));
        Problem refused = assertThrows(Problem.class, () -> backups.backup(new Actor("clerk", Set.of(Actor.CLERK))));
        assertEquals(403, refused.kind().status());
        assertThrows(Problem.class, () -> backups.list(new Actor("auditor", Set.of(Actor.AUDITOR))));
    }

    @Test
    public void withoutADailyBackupNothingIsOverdueAndWithOneAFreshNodeIsNotYet() {
        backups.activate(config("", 7));
        assertEquals(List.of(), backups.healthReasons());
        backups.deactivate();
        backups.activate(config("02:30", 7));
        assertFalse(backups.overdue());
        assertEquals(List.of(), backups.healthReasons());
    }


}
