package org.onewindow.audit.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.Map;

import org.junit.Test;
import org.onewindow.audit.internal.feeds.ConfigurationAuditTestAccess;

public class TextsTest {

    @Test
    public void residentIdNumbersAreMaskedInFreeText() {
        assertEquals("onewindow:case-list --applicant 441302********123X", Texts.scrubbed("onewindow:case-list --applicant 44130219900101123x", 1000));
        assertEquals("case 441302-20260101-0001 stays", Texts.scrubbed("case 441302-20260101-0001 stays", 1000));
        assertEquals("a b", Texts.clean("a\u0000b", 10));
        assertEquals("abc", Texts.clean("abcdef", 3));
    }

    @Test
    public void configurationChangesNameKeysAndHideSecrets() {
        String c = ConfigurationAuditTestAccess.changes(Map.of("batchSize", "500", "secret", "s1", "platformKey", "k1"),
                Map.of("batchSize", "200", "secret", "s2", "platformKey", "k2", "url", "https://x"));
        assertEquals("batchSize: 500 -> 200; platformKey: (changed); secret: (changed); url: (unset) -> https://x", c);
        assertTrue(ConfigurationAuditTestAccess.changes(Map.of("a", "1"), Map.of("a", "1")).isEmpty());
    }
}
