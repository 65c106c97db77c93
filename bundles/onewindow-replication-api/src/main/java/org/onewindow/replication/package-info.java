/**
 * The replication protocol between district nodes and the city hub (R11, R12): registration and
 * approval, the district's signed batches of journal records, the hub's acknowledgement, the
 * records the hub keeps, and the messages it carries between districts for cross-district handling.
 * Districts sign with key pairs of their own ({@link SignatureAlgorithm}, {@link SigningKey}); 2.0 dropped
 * the registration token and the shared key the hub used to hand out. 2.1 added the district's audit trail to its batches:
 * the hub verifies each district's chain as it arrives and keeps its copy. 2.2 added the digest of the record a batch continues from ({@link RecordDigests}), by which the hub tells a
 * rewound journal (a district restored from an older copy) from its own, and the reconciliation: the hub gives the district
 * back its records after a point ({@link ReconciliationPageDTO}) and takes its rebased journal ({@link RebaseDTO}). 3.1: the
 * districts' queue days on the city's board ({@link CityQueueDayDTO}). 3.2: the halls' and departments' ratings of a
 * month, ranked ({@link CityRatingsDTO}).
 */
@Export
@Version("3.2.0")
package org.onewindow.replication;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
