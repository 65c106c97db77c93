package org.onewindow.audit;

/**
 * One record of the trail as stored, read by the auditor and shipped to the city hub: the event, its place in the
 * chain ({@link #seq}), the hash of the record before it and its own. The citizen is shown masked; {@link #citizenKey}
 * is the keyed hash a search by ID number finds it with.
 */
public class AuditRecord {
    /** Gap-free, in commit order. */
    public long seq;
    /** ISO-8601 instant, to the millisecond. */
    public String at;
    public String actor;
    public String roles;
    public String client;
    public String channel;
    public String action;
    public String objectKind;
    public String objectKey;
    public String caseNo;
    /** The citizen's ID number masked ({@code 441302********1238}). */
    public String citizen;
    /** HMAC-SHA256 of the whole ID number under this node's own key, hex: equal numbers, equal keys. */
    public String citizenKey;
    public Outcome outcome;
    public String detail;
    /** The hash algorithm of this record ({@code SHA-256}, {@code SM3}). */
    public String algorithm;
    /** The hash of the record before it (of the anchor for the first one kept). */
    public String prevHash;
    /** This record's hash over its fields and {@link #prevHash}, hex. */
    public String hash;
}
