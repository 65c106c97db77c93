package org.onewindow.catalog.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.junit.Test;

public class SearchTextTest {
    @Test
    public void nameKeywordsFullPinyinAndInitials() {
        String text = SearchText.of("GA-HJ-001", "户口迁入登记", List.of("户籍迁入", "落户"));
        for (String part : List.of("|ga-hj-001|", "|户口迁入登记|", "|户籍迁入|", "|落户|", "|hukouqianrudengji|", "|hkqrdj|", "|hujiqianru|",
                "|hjqr|", "|luohu|", "|lh|")) {
            assertTrue(part + " in " + text, text.contains(part));
        }
        assertTrue(text.contains("hkqr"));
    }

    @Test
    public void aCharacterOfSeveralReadingsIsFoundByEach() {
        String text = SearchText.of("X-1", "银行开户", List.of());
        assertTrue(text, text.contains("|yinhangkaihu|"));
        assertTrue(text, text.contains("|yhkh|"));
        assertTrue(text, text.contains("|yinxingkaihu|"));
    }

    @Test
    public void uIsVAndPunctuationIsLeftOutLettersAndDigitsKept() {
        assertEquals(List.of(List.of("lv"), List.of("lu")), SearchText.spellings("绿"));
        String text = SearchText.of("GA-HJ-004", "居民身份证换领（有效期满）", null);
        assertTrue(text, text.contains("|jmsfzhlyxqm|"));
        assertEquals(List.of(List.of("a", "4", "zhi")), SearchText.spellings("A4纸").subList(0, 1));
    }

    @Test
    public void noPartSpansTwoWordsAndTheTextIsBounded() {
        String text = SearchText.of("A-1", "户口", List.of("迁入"));
        assertFalse("hukou|qianru is two parts", text.contains("kouqian"));
        String longName = "一".repeat(100);
        List<String> many = java.util.Collections.nCopies(20, "行长重率的长行重");
        assertTrue(SearchText.of("A-2", longName, many).length() <= SearchText.MAX_LENGTH);
    }

    @Test
    public void queriesAreMatchedLowerCaseWithoutSpaces() {
        assertEquals("hkqr", SearchText.compact(" HK QR "));
        assertEquals("户口迁入", SearchText.compact("户口 迁入"));
    }
}
