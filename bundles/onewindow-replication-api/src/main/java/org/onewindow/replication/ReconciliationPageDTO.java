package org.onewindow.replication;

import java.util.List;

/**
 * The hub's answer to a {@link ReconciliationRequestDTO}: the latest state of each record of the signing district that
 * the hub holds from after the number asked, oldest first (each with the number of that state), where its journal had
 * got to at the hub, and whether the hub refuses it as rewound until it is reconciled.
 */
public class ReconciliationPageDTO {
    /** The highest journal number of the district the hub acknowledged. */
    public long acked;
    public boolean rewound;
    public List<RecordDTO> records;
    /** More records follow after the last of {@link #records}. */
    public boolean more;
}
