package dev.fieldpoll.discord;

import dev.fieldpoll.poll.CellKey;
import dev.fieldpoll.poll.Factor;
import dev.fieldpoll.poll.Field;
import dev.fieldpoll.poll.PollDefinition;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * How a ballot is split into steps that fit one Discord message: four rows of one select each
 * (a row holds one select) and a last row of buttons. A step holds up to two whole fields; a
 * field with more factors than fit spreads over several steps.
 */
final class BallotPages {

    static final int SELECT_ROWS = 4;
    static final int MAX_FIELDS_PER_PAGE = 2;

    private final PollDefinition definition;
    private final List<List<CellKey>> pages;

    BallotPages(PollDefinition definition) {
        this.definition = definition;
        this.pages = split(definition);
    }

    private static List<List<CellKey>> split(PollDefinition definition) {
        List<List<CellKey>> pages = new ArrayList<>();
        int factors = definition.factors().size();
        if (factors <= SELECT_ROWS) {
            int fieldsPerPage = Math.max(1, Math.min(MAX_FIELDS_PER_PAGE, SELECT_ROWS / factors));
            List<Field> fields = definition.fields();
            for (int start = 0; start < fields.size(); start += fieldsPerPage) {
                List<CellKey> page = new ArrayList<>();
                for (Field field : fields.subList(start, Math.min(fields.size(), start + fieldsPerPage))) {
                    for (Factor factor : definition.factors()) {
                        page.add(new CellKey(field.key(), factor.key()));
                    }
                }
                pages.add(page);
            }
            return pages;
        }
        for (Field field : definition.fields()) {
            List<CellKey> cells = definition.factors().stream()
                    .map(factor -> new CellKey(field.key(), factor.key()))
                    .toList();
            for (int start = 0; start < cells.size(); start += SELECT_ROWS) {
                pages.add(cells.subList(start, Math.min(cells.size(), start + SELECT_ROWS)));
            }
        }
        return pages;
    }

    int count() {
        return pages.size();
    }

    boolean has(int page) {
        return page >= 0 && page < pages.size();
    }

    List<CellKey> cells(int page) {
        return pages.get(page);
    }

    /** The fields a page shows, in ballot order. */
    List<Field> fields(int page) {
        LinkedHashSet<String> keys = new LinkedHashSet<>();
        pages.get(page).forEach(cell -> keys.add(cell.field()));
        return keys.stream().map(key -> definition.field(key).orElseThrow()).toList();
    }

    /** The page showing a cell; 0 for a cell the poll does not have. */
    int pageOf(CellKey cell) {
        for (int page = 0; page < pages.size(); page++) {
            if (pages.get(page).contains(cell)) {
                return page;
            }
        }
        return 0;
    }

    /** "Fields 3–4 of 10", or "Field 3 of 10" when a page shows one. */
    String position(int page) {
        List<Field> fields = fields(page);
        int first = definition.indexOfField(fields.get(0).key()) + 1;
        int last = definition.indexOfField(fields.get(fields.size() - 1).key()) + 1;
        int total = definition.fields().size();
        return first == last ? "Field " + first + " of " + total : "Fields " + first + "–" + last + " of " + total;
    }
}
