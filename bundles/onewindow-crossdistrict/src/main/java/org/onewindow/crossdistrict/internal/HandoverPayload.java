package org.onewindow.crossdistrict.internal;

import java.util.ArrayList;
import java.util.List;

import org.onewindow.intake.CityHandoverDTO;

/** What travels from the accepting district to the deciding one: the case and its scanned files. */
public class HandoverPayload extends CityHandoverDTO {
    public List<ScannedFile> files = new ArrayList<>();

    /** A scanned file of the case, with its bytes. */
    public static class ScannedFile {
        public String name;
        public String contentType;
        public long size;
        public String sha256;
        public String contentBase64;
    }
}
