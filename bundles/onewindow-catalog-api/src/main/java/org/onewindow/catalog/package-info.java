/**
 * The service catalog (事项目录): the standardized items a hall handles, each with its guide
 * (办事指南), owning department, legal basis, materials, search keywords,
 * statutory and promised time limits and extension rule, kept in versions.
 */
@Export
@Version("1.4.0")
package org.onewindow.catalog;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
