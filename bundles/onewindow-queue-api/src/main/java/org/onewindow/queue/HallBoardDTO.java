package org.onewindow.queue;

import java.util.List;

/**
 * What the hall screen shows (public, no personal data: numbers and windows only): the latest calls, newest first; each
 * staffed window's current number; each group's waiting count. {@code seq} is the latest call's, so that a screen knows
 * when something new was called (and speaks it); {@code version} changes with anything the board shows, for
 * {@link QueueService#boardAfter}.
 */
public record HallBoardDTO(long version, long seq, List<CallDTO> calls, List<WindowNowDTO> windows, List<GroupWaitDTO> groups) {

    /** A window, whether it serves, and the number it serves. */
    public record WindowNowDTO(int no, WindowState state, String currentNumber) {
    }

    /** A group's name and letter, and how many wait in it. */
    public record GroupWaitDTO(String code, String prefix, String name, int waiting) {
    }
}
