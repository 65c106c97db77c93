package org.onewindow.scanning.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "OneWindow scanning", description = "Scanned materials of cases")
@interface ScanningConfig {
    String PID = "org.onewindow.scanning";

    @AttributeDefinition(description = "Largest file accepted, in bytes")
    long maxFileBytes() default 20L * 1024 * 1024;

    @AttributeDefinition(description = "Most files one case may have")
    int maxFilesPerCase() default 200;

    @AttributeDefinition(description = "Most memory PDFBox may use for the streams of one PDF while it is checked, in bytes")
    long pdfCheckMemoryBytes() default 64L * 1024 * 1024;

    @AttributeDefinition(description = "Where the files are kept; empty means data/onewindow/scans of the appliance")
    String directory() default "";

    @AttributeDefinition(description = "At start, stored files no row names are removed once unchanged this many minutes (what a crash left)")
    long orphanMinutes() default 60;
}
