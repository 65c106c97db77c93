package org.onewindow.replication;

import java.util.List;
import java.util.Map;

/**
 * 好差评 across the city for a month (journal kind {@code RATING_MONTH}, as each district replicated it): the halls ranked
 * by their satisfaction rate (then by ratings given), each with its figures as the district sent them, and the departments
 * ranked the same way over all halls, their counts summed. Rates are fractions 0–1, null with nothing to divide by.
 */
public record CityRatingsDTO(String month, List<HallRatingsDTO> halls, List<DepartmentRatingsDTO> departments) {

    /** A hall's month: its rank and its total as its district computed it. */
    public record HallRatingsDTO(int rank, String district, String districtName, Map<String, Object> total) {
    }

    /** A department over all halls that reported it. */
    public record DepartmentRatingsDTO(int rank, String code, String name, int halls, long services, long ratings, long satisfied,
            Double satisfactionRate, Double average, long bad, long rectified, Double rectificationRate) {
    }
}
