package org.onewindow.queue;

/** A call as the hall screen shows and speaks it: 请 A023 号到 5 号窗口. No personal data. */
public record CallDTO(long seq, String number, int window, String calledAt) {
}
