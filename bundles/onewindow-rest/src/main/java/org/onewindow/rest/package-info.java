/**
 * The REST base every capability bundle publishes through: one JSON mapping, one error format,
 * authentication of every caller through the staff logins ({@code org.onewindow.access}) and role
 * checks by {@code @RolesAllowed}.
 */
@Export
@Version("1.10.0")
package org.onewindow.rest;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
