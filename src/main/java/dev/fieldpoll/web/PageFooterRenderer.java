package dev.fieldpoll.web;

import dev.fieldpoll.bot.PageReply;

/** Whose page this is and for how long, when it was made, and how to get a new link. */
final class PageFooterRenderer implements SectionRenderer {

    @Override
    public void render(ResultsPage page, HtmlWriter html) {
        html.open("footer");
        if (page.linkExpires().isPresent()) {
            html.element(
                    "p",
                    "This page was made for you: your link works until "
                            + page.when(page.linkExpires().get())
                            + " and shows what the chat would show you at that moment. " + PageReply.NEW_LINK);
        } else {
            html.element(
                    "p",
                    "An admin of this poll made its results page public; they can take the link back at any time.");
        }
        if (page.shown().pagePublic() && page.linkExpires().isPresent()) {
            html.element("p", "An admin has also made this poll's page public.");
        }
        html.element(
                "p",
                "Figures as of " + page.when(page.now()) + ". No one's individual votes are shown. Made by fieldpoll.");
        html.close("footer");
    }
}
