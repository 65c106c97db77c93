/** Failures with a stable code, raised by services and turned into JSON errors at the edge; the one check of texts from outside ({@code Texts}, {@code MultiLine}); 1.4: {@code Problem.retryLater} with a time to try again, and what a failure of the disk means to a caller ({@code StorageFaults}). */
@Export
@Version("1.5.0")
package org.onewindow.problem;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
