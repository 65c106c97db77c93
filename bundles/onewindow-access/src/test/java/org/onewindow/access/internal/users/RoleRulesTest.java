package org.onewindow.access.internal.users;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.Arrays;
import java.util.List;

import org.junit.Test;
import org.onewindow.problem.Problem;

public class RoleRulesTest {

    @Test
    public void oneWindowAndDepartmentRolesAreAcceptedSortedAndOnce() {
        assertEquals(List.of("clerk", "dept-ALL", "dept-GA"), RoleRules.roles(List.of("dept-GA", "clerk", " clerk", "dept-ALL")));
        assertEquals(List.of(), RoleRules.roles(List.of()));
        assertEquals(List.of("auditor"), RoleRules.roles(List.of("auditor")));
    }

    @Test
    public void unknownRolesAndBadNamesAreRefused() {
        for (Runnable bad : Arrays.<Runnable>asList(
                () -> RoleRules.roles(List.of("root")),
                () -> RoleRules.roles(List.of("ssh")),
                () -> RoleRules.roles(List.of("dept-ga")),
                () -> RoleRules.roles(null),
                () -> RoleRules.name("Wang"),
                () -> RoleRules.name("w"),
                () -> RoleRules.name("wang li"))) {
            try {
                bad.run();
                fail("must be refused");
            } catch (Problem e) {
                assertEquals("INVALID_USER", e.code());
            }
        }
    }

    @Test
    public void theThreeAdministratorsAreNeverOneAccount() {
        for (List<String> two : List.of(List.of("admin", "security"), List.of("security", "auditor"), List.of("admin", "auditor", "clerk"))) {
            try {
                RoleRules.roles(two);
                fail("must be refused: " + two);
            } catch (Problem e) {
                assertEquals("ROLES_CONFLICT", e.code());
            }
        }
    }

    @Test
    public void aMonitorIsNeverAnAdministrator() {
        assertEquals(List.of("monitor"), RoleRules.roles(List.of("monitor")));
        assertEquals(List.of("clerk", "monitor"), RoleRules.roles(List.of("monitor", "clerk")));
        for (String duty : List.of("admin", "security", "auditor")) {
            try {
                RoleRules.roles(List.of("monitor", duty));
                fail("must be refused: monitor and " + duty);
            } catch (Problem e) {
                assertEquals("ROLES_CONFLICT", e.code());
            }
        }
    }

    @Test
    public void onlyOneWindowsOwnRolesAreManaged() {
        assertTrue(RoleRules.managed("reviewer"));
        assertTrue(RoleRules.managed("security"));
        assertTrue(RoleRules.managed("dept-SJ"));
        assertFalse("Karaf's own roles are left alone", RoleRules.managed("ssh"));
        assertFalse(RoleRules.managed("_g_:admingroup"));
    }
}
