package org.onewindow.replication;

import java.util.Map;

/**
 * A district hall's queue on a day, as the district replicated it (journal kind {@code QUEUE_DAY}): numbers taken,
 * served and missed, waits, services and the numbers taken per hour, for the city's board to compare halls. The
 * figures are the district's own record, whole; they hold no personal data.
 */
public record CityQueueDayDTO(String district, String districtName, String day, Map<String, Object> figures) {
}
