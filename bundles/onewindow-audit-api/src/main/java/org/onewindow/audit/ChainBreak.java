package org.onewindow.audit;

/** One place where the chain breaks: the first sequence number concerned, what is wrong, and the particulars. */
public class ChainBreak {
    public long seq;
    public BreakKind kind;
    public String detail;

    public ChainBreak() {
    }

    public ChainBreak(long seq, BreakKind kind, String detail) {
        this.seq = seq;
        this.kind = kind;
        this.detail = detail;
    }

    @Override
    public String toString() {
        return "#" + seq + " " + kind + ": " + detail;
    }
}
