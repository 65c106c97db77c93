package org.onewindow.catalog;

import org.onewindow.problem.MultiLine;

/**
 * How often and how far the time limit of an item's case may be extended (延期), and on what legal basis. An
 * extension is always approved before the limit as it stands runs out. Items that name no rule follow
 * {@link #art42()}.
 */
public class ExtensionRuleDTO {
    /** The most extensions a case may have; 0 means none. */
    public Integer times;
    /** The most working days one extension may add (1 to 365); may be left out when {@code times} is 0. */
    public Integer maxDays;
    /** The provision that sets the rule, such as the item's own law; required. */
    @MultiLine
    public String legalBasis;

    /**
     * 《中华人民共和国行政许可法》 art. 42: one extension of at most ten days (working days, art. 82), approved by the
     * head of the organ before the limit runs out.
     */
    public static final String ART_42_BASIS = "《中华人民共和国行政许可法》第四十二条";

    /** The art. 42 rule, a new copy each time (a DTO's fields can be changed). */
    public static ExtensionRuleDTO art42() {
        return of(1, 10, ART_42_BASIS);
    }

    /** A rule as the exchange format gives it. */
    public static ExtensionRuleDTO of(int times, Integer maxDays, String legalBasis) {
        ExtensionRuleDTO r = new ExtensionRuleDTO();
        r.times = times;
        r.maxDays = maxDays;
        r.legalBasis = legalBasis;
        return r;
    }

    /**
     * The rule an item's cases follow: its own, or the art. 42 rule when it names none. The law sets art. 42 for
     * administrative permits; a public service has no statute of its own on extensions, and the same rule is kept
     * for it rather than none, so that a promised limit cannot be extended without end.
     */
    public static ExtensionRuleDTO effective(CatalogItemDTO item) {
        return item == null || item.extension == null ? art42() : item.extension;
    }
}
