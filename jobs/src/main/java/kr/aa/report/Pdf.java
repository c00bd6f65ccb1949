package kr.aa.report;

import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import com.openhtmltopdf.util.XRLog;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import kr.aa.io.Storage;
import org.apache.hadoop.fs.Path;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;

/**
 * A document's HTML page printed to PDF on A4 with OpenHTMLtoPDF (the page's own {@code @page} rule), its Korean
 * text in an embedded TrueType font, so that it can be extracted from the PDF, and its inline SVG charts drawn by
 * Batik. The same page gives the same bytes:
 * no creation date, and a fixed seed for the document's identifier (docs/rules.md, "Documents").
 */
public final class Pdf {

    /** The Korean font the PDFs embed, and its bold face where there is one. */
    public record Font(File regular, Optional<File> bold) {
    }

    /** Where Debian's fonts-nanum puts its TrueType faces. */
    private static final List<File> SYSTEM_FONTS =
            List.of(new File("/usr/share/fonts/truetype/nanum/NanumBarunGothic.ttf"));
    private static final String FAMILY = "NanumBarunGothic";

    static {
        // OpenHTMLtoPDF logs every CSS property meant for browsers alone (break-inside, overflow-wrap) on standard
        // error, for every page; a page it cannot print fails with an exception all the same
        XRLog.setLoggingEnabled(false);
    }

    private Pdf() {
    }

    /**
     * The font of {@code AA_PDF_FONT} (a TrueType file with Korean glyphs), else Debian's NanumBarunGothic where it is
     * installed; none when neither is there. A bold face is the file of the same name with {@code Bold} before
     * {@code .ttf}.
     */
    public static Optional<Font> font(Map<String, String> environment) {
        String configured = environment.get("AA_PDF_FONT");
        Stream<File> candidates = configured == null || configured.isBlank() ? SYSTEM_FONTS.stream()
                : Stream.of(new File(configured));
        return candidates.filter(File::canRead).findFirst().map(regular -> {
            File bold = new File(regular.getParentFile(), regular.getName().replaceFirst("\\.ttf$", "Bold.ttf"));
            return new Font(regular, bold.canRead() && !bold.equals(regular) ? Optional.of(bold) : Optional.empty());
        });
    }

    /** Prints {@code html} (a page of the reports) to {@code pdf}. */
    public static void write(Path html, Path pdf, Font font) {
        try (OutputStream out = Storage.create(pdf)) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(font.regular(), FAMILY);
            font.bold().ifPresent(bold -> builder.useFont(bold, FAMILY, 700,
                    PdfRendererBuilder.FontStyle.NORMAL, true));
            builder.withW3cDocument(new W3CDom().fromJsoup(Jsoup.parse(Storage.readString(html))),
                    Storage.fs(html).makeQualified(html.getParent()).toUri() + "/");
            builder.useSVGDrawer(new BatikSVGDrawer());
            builder.withProducer("aa");
            try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
                renderer.layout();
                renderer.createPDFWithoutClosing();
                PDDocument document = renderer.getPdfDocument();
                document.getDocumentInformation().setCreationDate(null);
                document.setDocumentId(0L);
                document.save(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot print " + html + " to PDF", e);
        }
    }
}
