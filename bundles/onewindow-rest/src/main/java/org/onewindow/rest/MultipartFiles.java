package org.onewindow.rest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

import org.apache.cxf.jaxrs.ext.multipart.Attachment;
import org.onewindow.problem.Problem;

/**
 * The files of a multipart/form-data request, as every upload endpoint reads them. Reading the parts is the HTTP edge's
 * business, so that the APIs the files then go to (scanning, the online channel) know nothing of CXF.
 */
public final class MultipartFiles {
    private MultipartFiles() {
    }

    /**
     * Each part, in order, made into {@code T} from its file name and its bytes by {@code file} (such as scanning's
     * {@code Upload::new}); a part without a file name is refused ({@code NO_FILE}), and so is a request without a part.
     */
    public static <T> List<T> of(List<Attachment> parts, BiFunction<String, InputStream, T> file) throws IOException {
        List<T> uploads = new ArrayList<>();
        for (Attachment part : parts) {
            if (part.getContentDisposition() == null || part.getContentDisposition().getParameter("filename") == null) {
                throw Problem.badRequest("NO_FILE", "每个上传部分须带文件名（multipart 表单字段 file）");
            }
            uploads.add(file.apply(fileName(part.getContentDisposition().getParameter("filename")),
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
