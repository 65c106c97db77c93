package org.onewindow.scanning.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import javax.imageio.ImageIO;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.junit.Test;
import org.onewindow.problem.Problem;

public class FileChecksTest {
    private final FileChecks checks = new FileChecks(16L * 1024 * 1024);

    @Test
    public void realPapersPass() throws IOException {
        checks.verify("application/pdf", file(pdf(null)), "scan.pdf");
        checks.verify("image/png", file(image("png")), "scan.png");
        checks.verify("image/jpeg", file(image("jpeg")), "scan.jpg");
    }

    @Test
    public void aFileThatOnlyStartsLikeOneIsRefused() throws IOException {
        byte[] exe = new byte[4096];
        exe[0] = 'M';
        exe[1] = 'Z';
        refused("application/pdf", concat("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII), exe));
        refused("application/pdf", "%PDF-1.7\n<html><script>alert(1)</script></html>".getBytes(StandardCharsets.US_ASCII));
        byte[] png = image("png");
        refused("image/png", concat(Arrays.copyOf(png, 8), "<html><body>hi</body></html>".getBytes(StandardCharsets.US_ASCII)));
        byte[] jpeg = image("jpeg");
        refused("image/jpeg", concat(Arrays.copyOf(jpeg, 4), new byte[200]));
        refused("application/pdf", Arrays.copyOf(pdf(null), 40));
    }

    @Test
    public void anEncryptedPdfIsRefused() throws IOException {
        StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "", new AccessPermission());
        Problem p = refused("application/pdf", pdf(policy));
        assertTrue(p.getMessage(), p.getMessage().contains("加密"));
    }

    private Problem refused(String type, byte[] bytes) throws IOException {
        try {
            checks.verify(type, file(bytes), "x");
            fail("must be refused as " + type);
            return null;
        } catch (Problem e) {
            assertEquals("UNSUPPORTED_FILE_TYPE", e.code());
            assertEquals(415, e.kind().status());
            return e;
        }
    }

    static byte[] pdf(StandardProtectionPolicy policy) throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.addPage(new PDPage());
            if (policy != null) {
                doc.protect(policy);
            }
            doc.save(out);
            return out.toByteArray();
        }
    }

    static byte[] image(String format) throws IOException {
        BufferedImage img = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        img.setRGB(3, 4, 0x336699);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertTrue(ImageIO.write(img, format, out));
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static Path file(byte[] bytes) throws IOException {
        Path f = Files.createTempFile("check", ".bin");
        Files.write(f, bytes);
        f.toFile().deleteOnExit();
        return f;
    }
}
