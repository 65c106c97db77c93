package org.onewindow.crossdistrict.internal;

import java.util.ArrayList;
import java.util.List;

import org.onewindow.intake.CityHandoverDTO;
import org.onewindow.replication.FileCopyDTO;

/** What travels from the accepting district to the deciding one: the case and its scanned files. */
public class HandoverPayload extends CityHandoverDTO {
    public List<FileCopyDTO> files = new ArrayList<>();
}
