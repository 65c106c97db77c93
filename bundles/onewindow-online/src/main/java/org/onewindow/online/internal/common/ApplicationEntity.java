package org.onewindow.online.internal.common;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.Table;

import org.onewindow.db.jpa.InstantColumns;
import org.onewindow.online.ApplicationState;
import org.onewindow.online.DeliveryChoiceDTO;
import org.onewindow.online.ReturnDTO;

/** An online application: the case it is at intake, its pre-review state, and how the result is delivered. */
@Entity
@Table(name = "ONLINE_APPLICATION")
public class ApplicationEntity {
    public static final String WINDOW = "WINDOW";
    public static final String POST = "POST";

    @Id
    @Column(name = "CASE_NO")
    public String caseNo;

    @Column(name = "CITIZEN_ID")
    public String citizenId;

    @Column(name = "APPLICANT_NAME")
    public String applicantName;

    @Column(name = "ITEM_CODE")
    public String itemCode;

    @Enumerated(EnumType.STRING)
    public ApplicationState state;

    @Column(name = "DELIVERY_METHOD")
    public String deliveryMethod;

    @Column(name = "POST_RECIPIENT")
    public String postRecipient;

    @Column(name = "POST_PHONE")
    public String postPhone;

    @Column(name = "POST_ADDRESS")
    public String postAddress;

    /** Material codes of the latest return, comma-separated. */
    @Column(name = "RETURN_MATERIALS")
    public String returnMaterials;

    @Column(name = "RETURN_NOTE")
    public String returnNote;

    @Column(name = "REJECT_REASON")
    public String rejectReason;

    @Column(name = "CREATED_AT")
    public Instant createdAt;

    @Column(name = "SUBMITTED_AT")
    public Instant submittedAt;

    @Column(name = "REVIEWED_AT")
    public Instant reviewedAt;

    @Column(name = "REVIEWED_BY")
    public String reviewedBy;

    public DeliveryChoiceDTO delivery() {
        DeliveryChoiceDTO d = new DeliveryChoiceDTO();
        d.method = deliveryMethod;
        d.recipient = postRecipient;
        d.phone = postPhone;
        d.address = postAddress;
        return d;
    }

    public ReturnDTO returned() {
        if (returnMaterials == null && returnNote == null) {
            return null;
        }
        ReturnDTO r = new ReturnDTO();
        r.materials = returnMaterials == null || returnMaterials.isEmpty() ? List.of() : Arrays.asList(returnMaterials.split(","));
        r.note = returnNote;
        return r;
    }

    public void reviewed(ApplicationState to, String by) {
        state = to;
        reviewedAt = InstantColumns.now();
        reviewedBy = by;
    }
}
