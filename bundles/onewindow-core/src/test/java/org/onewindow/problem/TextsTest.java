package org.onewindow.problem;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.fail;

import java.util.List;

import org.junit.Test;

public class TextsTest {

    @Test
    public void namesAndNotesInEveryScriptPass() {
        for (String ok : List.of("张三", "Zhang San", "O'Brien-Smith", "𠀀𪚥 生僻字", "阿依古丽·买买提", "😀", "a\uE000b", "1+1=2 (测试)")) {
            assertSame(ok, Texts.singleLine("name", ok));
        }
        assertSame(null, Texts.singleLine("name", null));
        String note = "第一行\n\t第二行";
        assertSame(note, Texts.multiLine("note", note));
    }

    @Test
    public void controlAndBidiCharactersAreRefusedNamingTheField() {
        List<String> bad = List.of("a\u0000b", "a\u001Bb", "a\rb", "a\nb", "a\tb", "a\u007Fb", "a\u0085b", "\u202Efdp.exe",
                "a\u202Ab", "a\u202Bb", "a\u202Cb", "a\u202Db", "a\u2066b", "a\u2067b", "a\u2068b", "a\u2069b", "a\u200Eb", "a\u200Fb",
                "a\u061Cb", "a\u200Bb", "a\uFEFFb", "a\u2028b", "a\u2029b", "a\uD800b");
        for (String s : bad) {
            try {
                Texts.singleLine("applicant.name", s);
                fail("must be refused: " + escape(s));
            } catch (Problem p) {
                assertEquals("INVALID_TEXT", p.code());
                assertEquals(400, p.kind().status());
                assertEquals("applicant.name", p.details().get(0).field);
            }
        }
    }

    @Test
    public void notesAllowOnlyNewlineAndTabBesides() {
        for (String s : List.of("a\rb", "a\u0000b", "a\u202Eb", "a\u000Bb", "a\u2028b")) {
            try {
                Texts.multiLine("note", s);
                fail("must be refused in a note: " + escape(s));
            } catch (Problem p) {
                assertEquals("INVALID_TEXT", p.code());
                assertEquals("note", p.details().get(0).field);
            }
        }
    }

    private static String escape(String s) {
        StringBuilder out = new StringBuilder();
        s.codePoints().forEach(c -> out.append(c < 0x20 || c > 0x7E ? String.format("\\u%04X", c) : String.valueOf((char) c)));
        return out.toString();
    }
}
