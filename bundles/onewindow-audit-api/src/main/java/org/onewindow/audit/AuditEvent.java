package org.onewindow.audit;

import java.time.Instant;
import java.util.Collection;
import java.util.TreeSet;

import org.onewindow.security.Actor;

/**
 * One event as a capability reports it to the {@link AuditTrail}: who (actor, role, client, channel), what (a stable
 * action code), on what (object kind and key, the case, the citizen concerned) and how it ended. The citizen's ID
 * number is given whole; the trail keeps it masked and as a keyed hash, never whole. Texts are cut to their columns.
 */
public final class AuditEvent {
    private final String action;
    private final String actor;
    private String roles;
    private String client;
    private String channel;
    private String objectKind;
    private String objectKey;
    private String caseNo;
    private String citizenId;
    private Outcome outcome = Outcome.SUCCESS;
    private String detail;
    private Instant at;

    private AuditEvent(String action, String actor) {
        if (action == null || action.isBlank()) {
            throw new IllegalArgumentException("an audit event needs an action");
        }
        this.action = action;
        this.actor = actor == null || actor.isBlank() ? "anonymous" : actor;
    }

    /** {@code action} done by {@code actor}, with the actor's roles and the client it called from. */
    public static AuditEvent of(String action, Actor actor) {
        return new AuditEvent(action, actor.name()).roles(actor.roles()).client(actor.client());
    }

    /** {@code action} done by the named actor ({@code system:<what>}, {@code shell:<user>}, a user name, {@code anonymous}). */
    public static AuditEvent by(String action, String actor) {
        return new AuditEvent(action, actor);
    }

    /** The object acted on: its kind ({@code CASE}, {@code SCAN}, {@code LICENCE}, {@code USER}, {@code CONFIG}...) and key. */
    public AuditEvent on(String kind, String key) {
        this.objectKind = kind;
        this.objectKey = key;
        return this;
    }

    /** The case concerned, whatever the object (a scan of it, a licence read for it). */
    public AuditEvent caseNo(String caseNo) {
        this.caseNo = caseNo;
        return this;
    }

    /** The citizen concerned: a resident ID number or a unified social credit code, whole. */
    public AuditEvent citizen(String idNumber) {
        this.citizenId = idNumber;
        return this;
    }

    public AuditEvent outcome(Outcome outcome) {
        this.outcome = outcome == null ? Outcome.SUCCESS : outcome;
        return this;
    }

    /** What else the auditor needs to read: never a citizen's ID number, a password or a secret. */
    public AuditEvent detail(String detail) {
        this.detail = detail;
        return this;
    }

    /** The roles the actor held, written sorted and joined by commas. */
    public AuditEvent roles(Collection<String> roles) {
        this.roles = roles == null || roles.isEmpty() ? null : String.join(",", new TreeSet<>(roles));
        return this;
    }

    /** The address the actor called from. */
    public AuditEvent client(String client) {
        this.client = client;
        return this;
    }

    /** The way in: {@code CONSOLE}, {@code BASIC}, {@code SHELL}, {@code KIOSK}, {@code ONLINE}, {@code SYSTEM}. */
    public AuditEvent channel(String channel) {
        this.channel = channel;
        return this;
    }

    /**
     * When it happened, for records moved from an older log only; the trail stamps every other event itself, so that
     * times follow the chain's order.
     */
    public AuditEvent at(Instant at) {
        this.at = at;
        return this;
    }

    public String action() {
        return action;
    }

    public String actor() {
        return actor;
    }

    public String roles() {
        return roles;
    }

    public String client() {
        return client;
    }

    public String channel() {
        return channel;
    }

    public String objectKind() {
        return objectKind;
    }

    public String objectKey() {
        return objectKey;
    }

    public String caseNo() {
        return caseNo;
    }

    public String citizenId() {
        return citizenId;
    }

    public Outcome outcome() {
        return outcome;
    }

    public String detail() {
        return detail;
    }

    public Instant at() {
        return at;
    }
}
