/**
 * The REST base every capability bundle publishes through: one JSON mapping, one error format,
 * authentication against the Karaf JAAS realm and role checks by {@code @RolesAllowed}.
 */
@Export
@Version("1.4.0")
package org.onewindow.rest;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
