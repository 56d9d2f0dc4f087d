package dev.fieldpoll.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HtmlWriterTest {

    @Test
    void text_and_attribute_values_are_escaped_whatever_they_hold() {
        // given a writer
        HtmlWriter html = new HtmlWriter(64);

        // when member text goes into an element and an attribute
        String out = html.open("p", "title", "\"><script>alert(1)</script>")
                .text("<img src=x onerror=alert(1)> & 'quotes'")
                .close("p")
                .finish();

        // then nothing of it is markup
        assertThat(out)
                .isEqualTo("<p title=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\">"
                        + "&lt;img src=x onerror=alert(1)&gt; &amp; &#39;quotes&#39;</p>");
    }

    @Test
    void names_must_be_plain_and_never_an_event_handler_or_a_style() {
        HtmlWriter html = new HtmlWriter(64);

        assertThatThrownBy(() -> html.open("p onclick=x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> html.open("a", "onclick", "alert(1)")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> html.open("a", "style", "color:red")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> html.open("a", "href")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void elements_close_in_order_and_all_must_be_closed() {
        HtmlWriter html = new HtmlWriter(64).open("section").open("p");

        assertThatThrownBy(() -> html.close("section")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new HtmlWriter(8).open("div").finish()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void svg_shapes_close_themselves_and_null_attributes_are_left_out() {
        String out = new HtmlWriter(64)
                .shape("rect", "x", "1.5", "class", null)
                .empty("meta", "charset", "utf-8")
                .finish();

        assertThat(out).isEqualTo("<rect x=\"1.5\"/><meta charset=\"utf-8\">");
    }

    @Test
    void svg_numbers_have_one_decimal_and_no_locale() {
        assertThat(SvgShapes.num(12.34)).isEqualTo("12.3");
        assertThat(SvgShapes.num(7.0)).isEqualTo("7");
        assertThat(SvgShapes.num(-0.46)).isEqualTo("-0.5");
        assertThat(SvgShapes.num(-0.04)).isEqualTo("0");
        assertThatThrownBy(() -> SvgShapes.num(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
