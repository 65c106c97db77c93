package org.onewindow.node.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.Arrays;
import java.util.List;

import org.junit.Test;
import org.onewindow.problem.Problem;

public class UserAdminTest {

    @Test
    public void oneWindowAndDepartmentRolesAreAcceptedSortedAndOnce() {
        assertEquals(List.of("clerk", "dept-ALL", "dept-GA"), UserAdmin.roles(List.of("dept-GA", "clerk", " clerk", "dept-ALL")));
        assertEquals(List.of(), UserAdmin.roles(List.of()));
    }

    @Test
    public void unknownRolesAndBadNamesAndShortPasswordsAreRefused() {
        for (Runnable bad : Arrays.<Runnable>asList(
                () -> UserAdmin.roles(List.of("root")),
                () -> UserAdmin.roles(List.of("dept-ga")),
                () -> UserAdmin.roles(null),
                () -> UserAdmin.name("Wang"),
                () -> UserAdmin.name("w"),
                () -> UserAdmin.name("wang li"),
                () -> UserAdmin.password("short"),
                () -> UserAdmin.password("        "))) {
            try {
                bad.run();
                fail("must be refused");
            } catch (Problem e) {
                assertEquals("INVALID_USER", e.code());
            }
        }
    }

    @Test
    public void onlyOneWindowsOwnRolesAreManaged() {
        assertTrue(UserAdmin.managed("reviewer"));
        assertTrue(UserAdmin.managed("dept-SJ"));
        assertFalse("Karaf's own roles are left alone", UserAdmin.managed("ssh"));
        assertFalse(UserAdmin.managed("_g_:admingroup"));
    }
}
