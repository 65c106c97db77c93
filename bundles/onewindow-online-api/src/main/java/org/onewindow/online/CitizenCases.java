package org.onewindow.online;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A signed-in citizen's own cases, from every channel (window, online, kiosk): where each stands, its
 * history and deadline, and what to do next. Every read is audited by intake as the citizen's.
 * Failures: {@code CASE_NOT_FOUND} (also for a case that is not theirs).
 */
@ProviderType
public interface CitizenCases {

    /** The citizen's cases as applicant, newest first (at most 100). */
    List<CitizenCaseDTO> list(Citizen citizen);

    /** One of them with its history. */
    CitizenCaseDTO get(Citizen citizen, String caseNo);
}
