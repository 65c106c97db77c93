/**
 * The electronic licence library (电子证照库) and one-number application (一号申办, R9): licences
 * keyed by their holder's ID number, issued by approvals or imported, reused at intake instead of
 * paper, and every read of a citizen's licences tied to a case or a stated purpose and logged.
 * 1.3: {@link Purpose} is a record; its constructor checks what {@code of} checked.
 */
@Export
@Version("1.3.0")
package org.onewindow.licences;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
