package org.onewindow.catalog;

/** The two kinds of catalog item. */
public enum ItemKind {
    /** 行政许可 */
    ADMINISTRATIVE_PERMIT,
    /** 公共服务 */
    PUBLIC_SERVICE
}
