package org.onewindow.catalog;

/** The two kinds of catalog item. */
public enum ItemKind {
    ADMINISTRATIVE_PERMIT("行政许可"),
    PUBLIC_SERVICE("公共服务");

    private final String label;

    ItemKind(String label) {
        this.label = label;
    }

    /** The kind as a hall names it, for the shell and paper (the pages have their own i18n). */
    public String label() {
        return label;
    }
}
