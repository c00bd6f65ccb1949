package kr.aa.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class HtmlTest {

    @Test
    void aValueIsNeverReadForSlots() {
        assertEquals("<h1>{{body}} &amp; &lt;b&gt;</h1><p>text</p>", Html.fill("<h1>{{title}}</h1><p>{{body}}</p>",
                Map.of("title", Html.escape("{{body}} & <b>"), "body", "text")));
    }

    @Test
    void markupAndQuotesAreEscaped() {
        assertEquals("&lt;script&gt;&quot;x&quot; &#39;y&#39; &amp;", Html.escape("<script>\"x\" 'y' &"));
    }

    @Test
    void aSlotWithoutAValueIsAnErrorOfTheTemplate() {
        assertThrows(IllegalStateException.class, () -> Html.fill("{{missing}}", Map.of()));
    }
}
