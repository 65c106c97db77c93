package org.onewindow.queue;

import java.util.List;

/**
 * A day of the hall's queue, for staffing and for the city's board: numbers taken, served and missed, the waits (from
 * taking a number to its call, for the numbers called) and services (from the call to the end), the numbers taken in
 * each hour of the day (0–23, the hall's time), and the same per group. Minutes are whole, rounded down; a mean or
 * longest with nothing to measure is null.
 */
public record QueueDayDTO(String day, int taken, int served, int noShows, Integer averageWaitMinutes, Integer longestWaitMinutes,
        Integer averageServiceMinutes, List<Integer> takenByHour, List<GroupDayDTO> groups) {

    /** A group's day. */
    public record GroupDayDTO(String code, String name, int taken, int served, int noShows, Integer averageWaitMinutes,
            Integer longestWaitMinutes, Integer averageServiceMinutes) {
    }
}
