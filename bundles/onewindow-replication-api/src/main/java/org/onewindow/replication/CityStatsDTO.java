package org.onewindow.replication;

import java.util.List;
import java.util.Map;

/** The citywide board (R13), from the cases the districts replicated to the hub. */
public class CityStatsDTO {
    public String generatedAt;
    public long cases;
    /** Every district with its cases, replication lag and backlog. */
    public List<DistrictDTO> districts;
    public List<Count> byDepartment;
    /** Cases by channel ({@code WINDOW}, {@code ONLINE}, {@code KIOSK}...). */
    public Map<String, Long> byChannel;
    /** Decided cases decided within their time limit; null before any decision. */
    public Double inTimeRate;
    /** Delivered cases the applicant came for at most once; null before any delivery. */
    public Double oneVisitRate;
    /** Cases applied for online. */
    public Double onlineShare;
    /** Open yellow and red cards across the city ({@code YELLOW}, {@code RED}), as the districts' supervision last coloured them. */
    public Map<String, Long> openCards;
    /** Electronic licences in the citywide library. */
    public long licences;

    /** A number of cases under a code and name. */
    public static class Count {
        public String code;
        public String name;
        public long cases;
    }
}
