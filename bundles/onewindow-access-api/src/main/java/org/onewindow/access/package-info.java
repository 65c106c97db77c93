/**
 * Who of the staff gets in: the one check of a login (password, second factor, lock-outs), whatever
 * the channel (the console, HTTP Basic, the shell), and what the account must still do before it may
 * work (change its password, enrol a second factor). Plain Java: no HTTP, no JAAS.
 */
@Export
@Version("1.0.0")
package org.onewindow.access;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
