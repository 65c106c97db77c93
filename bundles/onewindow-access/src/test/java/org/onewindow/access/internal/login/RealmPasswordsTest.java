package org.onewindow.access.internal.login;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.junit.Test;

public class RealmPasswordsTest {

    @Test
    public void anOldUnsaltedSha512HashIsRecognisedInEitherCaseAndNothingElseIs() throws Exception {
        String hex = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-512").digest("admin-demo".getBytes(StandardCharsets.UTF_8)));
        assertTrue(RealmPasswords.legacyMatches("{CRYPT}" + hex.toUpperCase() + "{CRYPT}", "admin-demo".toCharArray()));
        assertTrue(RealmPasswords.legacyMatches("{CRYPT}" + hex + "{CRYPT}", "admin-demo".toCharArray()));
        assertFalse(RealmPasswords.legacyMatches("{CRYPT}" + hex + "{CRYPT}", "admin-demo!".toCharArray()));
        assertFalse("a plain password is no hash", RealmPasswords.legacyMatches("admin-demo", "admin-demo".toCharArray()));
        assertFalse("nor is a bcrypt one", RealmPasswords.legacyMatches("{CRYPT}JDJhJDEwJE9E{CRYPT}", "admin-demo".toCharArray()));
    }
}
