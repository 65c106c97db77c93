package org.onewindow.catalog.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "OneWindow service catalog",
        description = "Where the initial catalog comes from, and how large an import may be")
@interface CatalogConfig {
    String PID = "org.onewindow.catalog";

    @AttributeDefinition(description = "Folder whose *.json catalog files are imported at start while the catalog is empty;"
            + " empty means etc/onewindow/catalog of the appliance")
    String importDirectory() default "";

    @AttributeDefinition(description = "Largest catalog import accepted over REST, in bytes")
    long maxImportBytes() default 10L * 1024 * 1024;
}
