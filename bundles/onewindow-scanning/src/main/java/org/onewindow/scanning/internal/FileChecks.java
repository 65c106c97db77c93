package org.onewindow.scanning.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.onewindow.problem.Problem;
import org.onewindow.problem.ProblemKind;

/**
 * Whether a file is what its first bytes claim: a file that starts with {@code %PDF-} and goes on as
 * an executable or a web page is no PDF. A PDF must parse with Apache PDFBox (its objects and page
 * tree loaded, nothing rendered, its scratch memory limited), not be encrypted and have a page; a PNG
 * or JPEG must have a header whose dimensions the JDK's image readers read (the pixels are not
 * decoded), within {@link #MAX_PIXELS}.
 */
final class FileChecks {
    /** A 600 dpi A3 scan is about 70 million pixels; more is no paper. */
    static final long MAX_PIXELS = 120_000_000L;

    private final long pdfMemoryBytes;

    FileChecks(long pdfMemoryBytes) {
        this.pdfMemoryBytes = pdfMemoryBytes;
    }

    /** Nothing if {@code file} is a readable {@code type}; else {@code 415 UNSUPPORTED_FILE_TYPE} naming {@code name}. */
    void verify(String type, Path file, String name) {
        switch (type) {
            case "application/pdf" -> pdf(file, name);
            case "image/png" -> image("png", file, name);
            case "image/jpeg" -> image("jpeg", file, name);
            default -> throw refused(name, "不是可接受的文件类型");
        }
    }

    private void pdf(Path file, String name) {
        try (PDDocument doc = Loader.loadPDF(file.toFile(), "", null, null, MemoryUsageSetting.setupMainMemoryOnly(pdfMemoryBytes).streamCache)) {
            if (doc.isEncrypted()) {
                throw refused(name, "PDF 已加密，请上传未加密的文件");
            }
            if (doc.getNumberOfPages() < 1) {
                throw refused(name, "PDF 没有页面");
            }
        } catch (InvalidPasswordException e) {
            throw refused(name, "PDF 已加密，请上传未加密的文件");
        } catch (IOException | RuntimeException e) {
            if (e instanceof Problem) {
                throw (Problem) e;
            }
            throw refused(name, "不是可读的 PDF 文件");
        } catch (OutOfMemoryError e) {
            throw refused(name, "PDF 结构过于复杂");
        }
    }

    private static void image(String format, Path file, String name) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
        if (!readers.hasNext()) {
            throw new IllegalStateException("no " + format + " reader in this JVM");
        }
        ImageReader reader = readers.next();
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            reader.setInput(in, true, true);
            long width = reader.getWidth(0);
            long height = reader.getHeight(0);
            if (width < 1 || height < 1 || width * height > MAX_PIXELS) {
                throw refused(name, "图像尺寸不合理（" + width + "×" + height + "）");
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof Problem) {
                throw (Problem) e;
            }
            throw refused(name, "不是可读的 " + format.toUpperCase() + " 图像");
        } finally {
            reader.dispose();
        }
    }

    private static Problem refused(String name, String why) {
        return new Problem(ProblemKind.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_FILE_TYPE", why + "：" + name);
    }
}
