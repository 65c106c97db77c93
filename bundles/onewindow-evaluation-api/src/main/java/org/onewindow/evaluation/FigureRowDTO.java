package org.onewindow.evaluation;

/**
 * The figures of one row: services rated or not (null where services have no such attribute, as a channel), ratings
 * counted (malicious ones left out, and counted apart), satisfied (满意 and above) and their rate, the average score, the
 * rating rate (rated services / services), bad ratings and how many of their rectifications were closed, and on time.
 * Rates are fractions 0–1, null with nothing to divide by.
 */
public record FigureRowDTO(String key, String label, Long services, long ratings, long satisfied, Double satisfactionRate,
        Double average, Double ratingRate, long bad, long malicious, long rectified, Double rectificationRate, long onTime,
        Double onTimeRate) {
}
