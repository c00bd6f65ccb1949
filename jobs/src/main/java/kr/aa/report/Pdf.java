package kr.aa.report;

import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import com.openhtmltopdf.util.XRLog;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
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
    public record Font(Path regular, Optional<Path> bold) {
    }

    /** Where Debian's fonts-nanum puts its TrueType faces. */
    private static final List<Path> SYSTEM_FONTS = List.of(Path.of("/usr/share/fonts/truetype/nanum/NanumBarunGothic.ttf"));
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
        Stream<Path> candidates = configured == null || configured.isBlank() ? SYSTEM_FONTS.stream()
                : Stream.of(Path.of(configured));
        return candidates.filter(Files::isReadable).findFirst().map(regular -> {
            Path bold = regular.resolveSibling(regular.getFileName().toString().replaceFirst("\\.ttf$", "Bold.ttf"));
            return new Font(regular, Files.isReadable(bold) && !bold.equals(regular) ? Optional.of(bold)
                    : Optional.empty());
        });
    }

    /** Prints {@code html} (a page of the reports) to {@code pdf}. */
    public static void write(Path html, Path pdf, Font font) {
        try (OutputStream out = Files.newOutputStream(pdf)) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(font.regular().toFile(), FAMILY);
            font.bold().ifPresent(bold -> builder.useFont(bold.toFile(), FAMILY, 700,
                    PdfRendererBuilder.FontStyle.NORMAL, true));
            builder.withW3cDocument(new W3CDom().fromJsoup(Jsoup.parse(html.toFile(), "UTF-8")),
                    html.getParent().toUri().toString());
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
