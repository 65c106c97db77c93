package org.onewindow.replication;

import java.util.ArrayList;
import java.util.List;

/** A district as the hub sees it. */
public class DistrictDTO {
    public String code;
    public String name;
    public DistrictState state;
    public String version;
    public String registeredAt;
    public String approvedAt;
    /** The registered key's scheme and fingerprint (groups of four); null for a district still on its old shared key. */
    public String keyAlgorithm;
    public String fingerprint;
    /** Since when the hub has this key (registration, rollover or replacement). */
    public String keySince;
    /** Federated before public keys and not yet rolled over: the hub still holds its shared key (or token). */
    public boolean legacyKey;
    /** Keys registered for this code after it was taken (refused registrations), newest first. */
    public List<KeyCandidateDTO> candidates = new ArrayList<>();
    /** The last request of the district the hub accepted. */
    public String lastContact;
    public long ackedSeq;
    /** Records the district had written but the hub not yet applied, at the last contact. */
    public long backlog;
    /** How far the hub's copy was behind at the last contact, in milliseconds: 0 when it had all the district had written. */
    public Long lagMillis;
    /** Cases of the district at the hub. */
    public long cases;
    /** Requests refused since registration (bad signature, replay, another district's record). */
    public long refusals;
    /** Cross-district messages (全市通办) waiting for the district to pull them. */
    public long inbox;
    /** The last record of the district's audit trail the hub holds, verified. */
    public long auditSeq;
    /** Where the district's audit chain broke, as the hub found it (it takes nothing after it): null while it holds. */
    public String auditBreak;
    /**
     * Since when and why the hub refuses the district's journal as rewound (a district restored from an older copy): nothing
     * of it is taken until the district has reconciled; null while it is not.
     */
    public String rewound;
    /** When the district last reconciled a rewound journal with the hub. */
    public String reconciledAt;
}
