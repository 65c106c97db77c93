package org.onewindow.replication;

import java.util.List;

/** What a district's pull of the city's catalog (统一审批标准) did. */
public class CatalogPullDTO {
    public String pulledAt;
    /** Items in the city's catalog. */
    public int cityItems;
    /** Items new at the city, or changed there since the last pull: imported here as new versions. */
    public List<String> imported;
    /** Items this district changed itself while the city's stayed the same: kept, and reported as differing. */
    public List<String> localChanges;
    /** Items only this district has. */
    public List<String> localOnly;
    public int unchanged;
}
