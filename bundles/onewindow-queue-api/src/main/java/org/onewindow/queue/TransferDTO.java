package org.onewindow.queue;

/** Where a called ticket goes on (转移): another group, or one window (then only that window calls it), with a note. */
public record TransferDTO(String group, Integer window, String note) {
}
