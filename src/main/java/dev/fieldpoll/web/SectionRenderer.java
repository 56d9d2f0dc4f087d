package dev.fieldpoll.web;

/**
 * One section of the results page. A section that has nothing to show for this report writes
 * nothing; new sections (groups, rounds) are new implementations added to the page's list.
 */
interface SectionRenderer {

    void render(ResultsPage page, HtmlWriter html);
}
