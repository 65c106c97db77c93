/** Who acts: the user and roles a service call is made for, whatever the channel (REST, shell). */
@Export
@Version("2.2.0")
package org.onewindow.security;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
