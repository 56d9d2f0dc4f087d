package dev.fieldpoll.store;

import java.util.List;

/**
 * What {@link DatabaseCheck} found in a database, section by section. Healthy when no section has
 * a problem; a pending migration is no problem (fieldpoll applies it when it starts).
 *
 * @param database the file, or the PostgreSQL address (never a password)
 */
public record CheckReport(String database, List<Section> sections) {

    public CheckReport {
        sections = List.copyOf(sections);
    }

    /** One thing checked: its name ("integrity"), a one-line summary, and each problem found. */
    public record Section(String name, String summary, List<String> problems) {

        public Section {
            problems = List.copyOf(problems);
        }

        static Section ok(String name, String summary) {
            return new Section(name, summary, List.of());
        }

        public boolean healthy() {
            return problems.isEmpty();
        }
    }

    public boolean healthy() {
        return sections.stream().allMatch(Section::healthy);
    }
}
