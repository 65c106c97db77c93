package org.onewindow.licences.internal;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.onewindow.db.ChangeJournal;
import org.onewindow.rest.Json;

/** Licences written or revoked are journaled in the same transaction, for the citywide licence library at the hub. */
final class LicenceJournal {
    static final String KIND = "LICENCE";

    private LicenceJournal() {
    }

    static void record(ChangeJournal journal, Connection transaction, List<LicenceEntity> licences) {
        List<Map.Entry<String, String>> records = new ArrayList<>(licences.size());
        for (LicenceEntity l : licences) {
            records.add(Map.entry(l.type + "/" + l.number, Json.write(l.toRecord())));
        }
        journal.appendAll(transaction, KIND, records);
    }
}
