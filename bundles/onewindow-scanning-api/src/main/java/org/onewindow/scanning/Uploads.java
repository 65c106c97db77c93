package org.onewindow.scanning;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.cxf.jaxrs.ext.multipart.Attachment;
import org.onewindow.problem.Problem;

/** The files of a multipart/form-data request, as every upload endpoint reads them. */
public final class Uploads {
    private Uploads() {
    }

    /** Each part as an {@link Upload}, in order; a part without a file name is refused ({@code NO_FILE}). */
    public static List<Upload> fromParts(List<Attachment> parts) throws IOException {
        List<Upload> uploads = new ArrayList<>();
        for (Attachment part : parts) {
            if (part.getContentDisposition() == null || part.getContentDisposition().getParameter("filename") == null) {
                throw Problem.badRequest("NO_FILE", "每个上传部分须带文件名（multipart 表单字段 file）");
            }
            uploads.add(new Upload(fileName(part.getContentDisposition().getParameter("filename")),
                    part.getDataHandler().getInputStream()));
        }
        if (uploads.isEmpty()) {
            throw Problem.badRequest("NO_FILE", "请选择要上传的文件（multipart 表单字段 file）");
        }
        return uploads;
    }

    /**
     * The name as the browser meant it: browsers send UTF-8 bytes in {@code filename="..."}, which
     * the multipart parser reads as ISO-8859-1; names that are not valid UTF-8 are left as they are.
     */
    static String fileName(String raw) {
        if (raw == null || raw.chars().anyMatch(c -> c > 0xFF)) {
            return raw;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw.getBytes(StandardCharsets.ISO_8859_1))).toString();
        } catch (CharacterCodingException e) {
            return raw;
        }
    }
}
