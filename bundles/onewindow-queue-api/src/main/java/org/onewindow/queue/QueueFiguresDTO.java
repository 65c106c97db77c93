package org.onewindow.queue;

import java.util.List;

/**
 * Today's queue as the hall manager watches it (管理等候): per group and per window, and the wait alert that tells them to
 * open a window. Minutes are whole, rounded down; an average with nothing to average is null.
 */
public record QueueFiguresDTO(String day, int yellowWaitMinutes, int redWaitMinutes, List<GroupFiguresDTO> groups,
        List<WindowFiguresDTO> windows) {

    /** Waiting, the longest wait now, mean wait and service today, served, missed, windows open, and its alert. */
    public record GroupFiguresDTO(String code, String name, int waiting, int longestWaitMinutes, Integer averageWaitMinutes,
            Integer averageServiceMinutes, int served, int noShows, int windowsOpen, WaitAlert alert) {
    }

    /** A window's day: its state, who is there, how many it served and their mean service time. */
    public record WindowFiguresDTO(int no, WindowState state, String clerk, int served, Integer averageServiceMinutes) {
    }

    /** The longest wait of a group against the hall's thresholds: none, yellow (预警) or red (超时). */
    public enum WaitAlert {
        NONE, YELLOW, RED
    }
}
