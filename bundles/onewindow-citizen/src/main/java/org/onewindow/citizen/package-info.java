/**
 * The one key of citizens and companies (R9): the 18-digit resident ID number (GB 11643-1999) and
 * the 18-character unified social credit code (GB 32100-2015), checked and masked for logs; mobile numbers recognised and masked (`Mobiles`).
 */
@Export
@Version("1.1.0")
package org.onewindow.citizen;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
