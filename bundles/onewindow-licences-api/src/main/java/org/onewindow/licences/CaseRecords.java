package org.onewindow.licences;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * What the library asks of the cases, provided by the intake feature when it is installed: whether a
 * read tied to a case really concerns that case's applicant, and which earlier materials may be reused.
 */
@ConsumerType
public interface CaseRecords {

    /** Whether {@code idNumber} is the applicant or agent of the case; {@code CASE_NOT_FOUND} if there is no such case. */
    boolean concerns(String caseNo, String idNumber);

    /** Materials the holder handed in for earlier cases that are still recent enough to reuse, newest first. */
    List<EarlierMaterialDTO> earlierMaterials(String holderId);
}
