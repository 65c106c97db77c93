package org.onewindow.evaluation;

import java.util.List;

/** The reasons a citizen picks for a bad rating, as one numbered version of the list (a rating keeps the version it used). */
public record ReasonsDTO(int version, List<ReasonDTO> reasons) {

    /** A reason, for window or online services or both ({@code kind} null). */
    public record ReasonDTO(String code, String label, ServiceKind kind) {
    }
}
