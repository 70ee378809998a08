package io.paperwire.notify.delivery.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paperwire.notify.delivery.email.MailTemplate.Rendered;
import io.paperwire.notify.delivery.email.MailTemplate.Syntax;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MailTemplateTest {

    @Test
    void shouldEscapeEveryStringValueInAnHtmlTemplate() {
        MailTemplate template = MailTemplate.of("t", Syntax.HTML, "<h1>{{title}}</h1><a href=\"{{url}}\">x</a>");
        String html = template.render(Map.of("title", "<script>alert('x')</script> & co",
                "url", "https://e.org/?a=1&b=\"2\"")).text();

        assertThat(html).isEqualTo("<h1>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co</h1>"
                + "<a href=\"https://e.org/?a=1&amp;b=&quot;2&quot;\">x</a>");
    }

    @Test
    void shouldInsertRenderedFragmentsOfTheSameSyntaxAsTheyAre() {
        MailTemplate item = MailTemplate.of("item", Syntax.HTML, "<li>{{v}}</li>");
        MailTemplate list = MailTemplate.of("list", Syntax.HTML, "<ul>{{items}}</ul>");
        Rendered items = Rendered.join(Syntax.HTML,
                List.of(item.render(Map.of("v", "a<b")), item.render(Map.of("v", "c"))), "");

        assertThat(list.render(Map.of("items", items)).text()).isEqualTo("<ul><li>a&lt;b</li><li>c</li></ul>");
        assertThatThrownBy(() -> list.render(Map.of("items", new Rendered(Syntax.TEXT, "<raw>"))))
                .hasMessageContaining("TEXT fragment");
    }

    @Test
    void shouldInsertValuesVerbatimInATextTemplate() {
        MailTemplate template = MailTemplate.of("t", Syntax.TEXT, "Title: {{title}}");
        assertThat(template.render(Map.of("title", "<script> & co")).text()).isEqualTo("Title: <script> & co");
    }

    @Test
    void shouldFailOnAMissingValueNamingThePlaceholder() {
        MailTemplate template = MailTemplate.of("mail.html", Syntax.HTML, "{{title}} {{authors}}");
        assertThatThrownBy(() -> template.render(Map.of("title", "x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("template mail.html needs a value for {{authors}}");
    }

    @Test
    void shouldRefuseAMalformedPlaceholder() {
        assertThatThrownBy(() -> MailTemplate.of("bad.html", Syntax.HTML, "Hello {{ name }}"))
                .hasMessageContaining("bad.html").hasMessageContaining("{{ name");
    }

    @Test
    void shouldLoadTheShippedTemplates() {
        assertThat(MailTemplate.load("instant.html", Syntax.HTML).placeholders())
                .contains("paper", "unsubscribeUrl", "subscriptionName");
        assertThat(MailTemplate.load("digest.txt", Syntax.TEXT).placeholders())
                .contains("matches", "trending", "unsubscribeUrl");
    }
}
