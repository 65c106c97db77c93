package org.onewindow.catalog.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/**
 * What the catalog's search matches an item by, computed once for each item version (at import, or at start for
 * versions imported before it was kept) so that a search is one {@code LIKE} and never converts anything: the code,
 * the name and the keywords (synonyms such as 营业执照 for 个体工商户设立登记), and the name's and keywords' full pinyin
 * ({@code hukouqianrudengji}) and initials ({@code hkqrdj}), lower case, without tones, ü as {@code v}, the parts
 * separated by {@code |} so that no match spans two of them. Pinyin from pinyin4j: a character with several readings
 * (银行 is yínháng, 行 first reads xíng) gives one more spelling per other reading, so the common ones are all found.
 */
final class SearchText {
    /** The column's size; a longer text keeps its first spellings (every name and keyword once). */
    static final int MAX_LENGTH = 16_000;
    private static final HanyuPinyinOutputFormat FORMAT = new HanyuPinyinOutputFormat();

    static {
        FORMAT.setCaseType(HanyuPinyinCaseType.LOWERCASE);
        FORMAT.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
        FORMAT.setVCharType(HanyuPinyinVCharType.WITH_V);
    }

    private SearchText() {
    }

    /** The search text of an item version. */
    static String of(String code, String name, List<String> keywords) {
        List<String> words = new ArrayList<>();
        words.add(name);
        if (keywords != null) {
            words.addAll(keywords);
        }
        Set<String> parts = new LinkedHashSet<>();
        parts.add(code.toLowerCase(Locale.ROOT));
        words.forEach(w -> parts.add(compact(w)));
        for (String w : words) {
            for (List<String> spelling : spellings(w)) {
                parts.add(String.join("", spelling));
                StringBuilder initials = new StringBuilder();
                spelling.forEach(syllable -> initials.append(syllable.charAt(0)));
                parts.add(initials.toString());
            }
        }
        StringBuilder text = new StringBuilder("|");
        for (String part : parts) {
            if (!part.isEmpty() && text.length() + part.length() + 1 <= MAX_LENGTH) {
                text.append(part).append('|');
            }
        }
        return text.toString();
    }

    /** What a query is matched as: lower case, without spaces (nobody types 户口 迁入 and means the space). */
    static String compact(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
    }

    /**
     * The word's syllables, one per Chinese character (a letter or digit stands for itself, anything else is left
     * out): first every character's first reading, then, for each character with more, that spelling with one
     * other reading of it.
     */
    static List<List<String>> spellings(String word) {
        List<String[]> readings = new ArrayList<>();
        word.toLowerCase(Locale.ROOT).codePoints().forEach(cp -> {
            String[] r = cp <= 0xFFFF ? readings((char) cp) : null;
            if (r != null && r.length > 0) {
                readings.add(distinct(r));
            } else if (Character.isLetterOrDigit(cp) && cp < 0x80) {
                readings.add(new String[] {Character.toString(cp)});
            }
        });
        List<List<String>> out = new ArrayList<>();
        List<String> first = new ArrayList<>();
        readings.forEach(r -> first.add(r[0]));
        out.add(first);
        for (int i = 0; i < readings.size(); i++) {
            for (int j = 1; j < readings.get(i).length; j++) {
                List<String> other = new ArrayList<>(first);
                other.set(i, readings.get(i)[j]);
                out.add(other);
            }
        }
        return out;
    }

    private static String[] readings(char c) {
        try {
            return PinyinHelper.toHanyuPinyinStringArray(c, FORMAT);
        } catch (BadHanyuPinyinOutputFormatCombination e) {
            // lower case without tones, v for ü: a combination pinyin4j takes
            throw new IllegalStateException(e);
        }
    }

    private static String[] distinct(String[] readings) {
        return new LinkedHashSet<>(List.of(readings)).toArray(new String[0]);
    }
}
