package org.onewindow.queue;

import java.util.List;

/**
 * The queue's days from {@code from} to {@code to} (those with numbers taken), and when the hall is busiest: for each
 * weekday, the mean of numbers taken in each hour over the days of that weekday in the period, and its peak hour.
 */
public record QueueReportDTO(String from, String to, List<QueueDayDTO> days, List<WeekdayHoursDTO> weekdays) {

    /** A weekday (1 Monday … 7 Sunday): how many such days had numbers, the mean taken per hour (24), the busiest hour or null. */
    public record WeekdayHoursDTO(int weekday, int days, List<Double> meanTakenByHour, Integer peakHour) {
    }
}
