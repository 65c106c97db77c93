package org.onewindow.replication;

import java.util.ArrayList;
import java.util.List;

/** A district's last restore as the hub found it and its reconciliation, as the district shows it. */
public class RestoreStatusDTO {
    /** {@code REWOUND} (found, reconciling), {@code CONFLICT} (stopped: see the notes), {@code RECONCILED}. */
    public String state;
    /** When the hub refused the journal as rewound. */
    public String detectedAt;
    /** Where the district's journal had got to at the hub. */
    public long hubAcked;
    /** The last number both held when the restore was found (this appliance's acknowledged number at the time). */
    public long restorePoint;
    /** Records of this district the hub gave back and were applied here. */
    public long recordsRestored;
    /** The number the journal was rebased to: what is shipped now follows it. */
    public Long rebasedAt;
    public String reconciledAt;
    /** From the hub's refusal to the end of the reconciliation. */
    public Long millis;
    public String lastError;
    public List<RestoreNoteDTO> notes = new ArrayList<>();
}
