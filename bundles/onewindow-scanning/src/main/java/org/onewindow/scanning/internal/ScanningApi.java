package org.onewindow.scanning.internal;

import org.onewindow.intake.CaseExtension;
import org.onewindow.scanning.ScanService;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Serves {@code /api/v1/cases/{caseNo}/materials} through the intake's case resource. */
@Component(service = CaseExtension.class)
public class ScanningApi implements CaseExtension {

    @Reference
    ScanService scans;

    @Override
    public String segment() {
        return "materials";
    }

    @Override
    public Object resource(String caseNo) {
        return new ScanResource(scans, caseNo);
    }
}
