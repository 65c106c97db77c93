/**
 * The service catalog (事项目录): the standardized items a hall handles, each with its guide
 * (办事指南), owning department, legal basis, materials and promised time limit, kept in versions.
 */
@Export
@Version("1.3.0")
package org.onewindow.catalog;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
