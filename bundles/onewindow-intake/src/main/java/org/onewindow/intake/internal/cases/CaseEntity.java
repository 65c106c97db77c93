package org.onewindow.intake.internal.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import javax.persistence.CascadeType;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.OneToMany;
import javax.persistence.OrderBy;
import javax.persistence.PostPersist;
import javax.persistence.PostUpdate;
import javax.persistence.Table;
import javax.persistence.Version;

import org.onewindow.catalog.CatalogItemDTO;
import org.onewindow.citizen.IdType;
import org.onewindow.intake.CaseStatus;
import org.onewindow.intake.Channel;
import org.onewindow.intake.PartyDTO;
import org.onewindow.intake.Route;

/** A case; private to this bundle, which speaks {@link org.onewindow.intake.CaseDTO}. */
@Entity
@Table(name = "CASE_FILE")
public class CaseEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    /** A concurrent change of the same case fails one of the two, which then runs again on fresh data. */
    @Version
    @Column(name = "ROW_VERSION")
    int rowVersion;

    @Column(name = "CASE_NO")
    public String caseNo;

    @Column(name = "ITEM_CODE")
    public String itemCode;

    @Column(name = "ITEM_VERSION")
    public int itemVersion;

    @Column(name = "ITEM_NAME")
    public String itemName;

    @Column(name = "DEPT_CODE")
    public String departmentCode;

    @Column(name = "DEPT_NAME")
    public String departmentName;

    @Column(name = "TIME_LIMIT_DAYS")
    public int timeLimitDays;

    @Enumerated(EnumType.STRING)
    public Channel channel;

    /** Changed only by {@link #moveTo} (and {@link #restoredAs}): read it through {@link #status()}. */
    @Enumerated(EnumType.STRING)
    CaseStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "APPLICANT_ID_TYPE")
    public IdType applicantIdType;

    @Column(name = "APPLICANT_ID")
    public String applicantId;

    @Column(name = "APPLICANT_NAME")
    public String applicantName;

    @Column(name = "APPLICANT_PHONE")
    public String applicantPhone;

    @Enumerated(EnumType.STRING)
    @Column(name = "AGENT_ID_TYPE")
    public IdType agentIdType;

    @Column(name = "AGENT_ID")
    public String agentId;

    @Column(name = "AGENT_NAME")
    public String agentName;

    @Column(name = "AGENT_PHONE")
    public String agentPhone;

    public int visits;

    @Column(name = "LAST_VISIT_DAY")
    LocalDate lastVisitDay;

    @Column(name = "PICKUP_CODE")
    public String pickupCode;

    @Column(name = "DELIVERY_METHOD")
    public String deliveryMethod;

    public String carrier;

    @Column(name = "TRACKING_NO")
    public String trackingNo;

    @Column(name = "COLLECTED_BY")
    public String collectedBy;

    /** Materials the case was accepted without (容缺受理), comma-separated codes. */
    @Column(name = "DEFICIENT_MATERIALS")
    public String deficientMaterials;

    @Column(name = "ACCEPTED_ON")
    public LocalDate acceptedOn;

    /** The last working day of the time limit. */
    public LocalDate deadline;

    /** While a supplement is awaited: the day the clock stopped. */
    @Column(name = "SUSPENDED_SINCE")
    public LocalDate suspendedSince;

    @Column(name = "SUSPENDED_DAYS")
    public int suspendedDays;

    @Column(name = "EXTENDED_DAYS")
    public int extendedDays;

    /** How many extensions were granted (the item's rule limits them). */
    public int extensions;

    /** The day of the last extension; null before one, and for cases extended before it was kept. */
    @Column(name = "EXTENDED_ON")
    public LocalDate extendedOn;

    /** Years without an official schedule the deadline reaches into, comma-separated. */
    @Column(name = "CALENDAR_GAPS")
    public String calendarGaps;

    @Enumerated(EnumType.STRING)
    public Route route;

    @Column(name = "REMOTE_REF")
    public String remoteRef;

    public String reviewer;

    @Column(name = "DECIDED_ON")
    public LocalDate decidedOn;

    @Column(name = "WORKING_DAYS_USED")
    public Integer workingDaysUsed;

    /** 1 decided in time, 0 late, null undecided. */
    @Column(name = "IN_TIME")
    public Integer inTime;

    @Column(name = "RESULT_DOCUMENT")
    public String resultDocument;

    @Column(name = "LICENCE_NO")
    public String licenceNo;

    @Column(name = "DECISION_REASON")
    public String decisionReason;

    @Column(name = "DECISION_BASIS")
    public String decisionBasis;

    /** Materials asked for by the back office (补正), comma-separated codes, while awaited. */
    @Column(name = "SUPPLEMENT_MATERIALS")
    public String supplementMaterials;

    /** For a case another district accepted and handed over to be decided here (全市通办): that district. */
    @Column(name = "ORIGIN_DISTRICT")
    public String originDistrict;

    /** For such a case: the accepting district's delivery being answered. */
    @Column(name = "ORIGIN_DELIVERY")
    public String originDelivery;

    @Column(name = "CREATED_AT")
    public Instant createdAt;

    @Column(name = "CREATED_BY")
    public String createdBy;

    @Column(name = "UPDATED_AT")
    public Instant updatedAt;

    @OneToMany(mappedBy = "caseFile", cascade = CascadeType.PERSIST)
    @OrderBy("code")
    public List<CaseMaterialEntity> received = new ArrayList<>();

    @OneToMany(mappedBy = "caseFile", cascade = CascadeType.PERSIST)
    @OrderBy("id")
    public List<CaseHistoryEntity> history = new ArrayList<>();

    @PostPersist
    @PostUpdate
    void written() {
        CaseChanges.changed(this);
    }

    /** Pins the case on a catalog item's version and the department that owns it. */
    public void pin(CatalogItemDTO item) {
        itemCode = item.code;
        itemVersion = item.version;
        itemName = item.name;
        departmentCode = item.department.code;
        departmentName = item.department.name;
    }

    /** The applicant and the agent, if any. */
    public void parties(PartyDTO applicant, PartyDTO agent) {
        applicantIdType = applicant.idType;
        applicantId = applicant.idNumber;
        applicantName = applicant.name;
        applicantPhone = applicant.phone;
        if (agent != null) {
            agentIdType = agent.idType;
            agentId = agent.idNumber;
            agentName = agent.name;
            agentPhone = agent.phone;
        }
    }

    public CaseStatus status() {
        return status;
    }

    /**
     * Restore only ({@code restore.CaseRestore}): a replica put back takes the status the city hub holds, whose history
     * comes with it; not a move, so no step is written.
     */
    public void restoredAs(CaseStatus hubStatus) {
        status = hubStatus;
    }

    /**
     * The one place a case's status changes (a replica put back from the hub takes the status it reads instead, {@link #restoredAs}):
     * the step from the status now to {@code to} is appended to the history, by whom and why, and the case
     * moves. The step is answered so that the caller persists it with a case already stored; a new case's steps are
     * persisted with it.
     */
    public CaseHistoryEntity moveTo(CaseStatus to, String by, Instant at, String note) {
        CaseHistoryEntity step = CaseHistoryEntity.of(this, status, to, by, at, note);
        history.add(step);
        status = to;
        updatedAt = at;
        return step;
    }

    /** A step in the history that leaves the status where it is (a note of what happened); the caller persists it. */
    public CaseHistoryEntity note(String by, Instant at, String note) {
        CaseHistoryEntity step = CaseHistoryEntity.of(this, status, status, by, at, note);
        history.add(step);
        return step;
    }

    /** Counts a visit of the applicant to the hall: at most one a day. */
    public void visit(LocalDate today) {
        if (!today.equals(lastVisitDay)) {
            visits++;
            lastVisitDay = today;
        }
    }
}
