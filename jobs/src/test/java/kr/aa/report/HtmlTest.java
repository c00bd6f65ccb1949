package kr.aa.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The templates of the pages, on a template of the tests' own: {@code reports/test/slots.html}. */
class HtmlTest {

    @Test
    void aValueIsNeverReadForSlots() {
        assertEquals("<h1>{{body}} &amp; &lt;b&gt;</h1><p>text</p>", Html.render("test/slots.html",
                Map.of("title", "{{body}} & <b>", "body", "text")));
    }

    @Test
    void markupAndQuotesAreEscaped() {
        assertEquals("<h1>&lt;script&gt;&quot;x&quot; &#39;y&#39; &amp;</h1><p></p>", Html.render("test/slots.html",
                Map.of("title", "<script>\"x\" 'y' &", "body", "")));
    }

    @Test
    void aSlotWithoutAValueIsAnErrorOfTheTemplate() {
        RuntimeException missing = assertThrows(RuntimeException.class,
                () -> Html.render("test/slots.html", Map.of("title", "t")));
        Throwable cause = missing;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        assertEquals("the template reads {{body}}, which the page does not give", cause.getMessage());
    }
}
