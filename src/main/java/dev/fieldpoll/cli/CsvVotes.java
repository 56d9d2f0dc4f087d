package dev.fieldpoll.cli;

import dev.fieldpoll.poll.Answer;
import dev.fieldpoll.poll.CellKey;
import dev.fieldpoll.poll.Factor;
import dev.fieldpoll.poll.Field;
import dev.fieldpoll.poll.Keys;
import dev.fieldpoll.poll.PollDefinition;
import dev.fieldpoll.poll.Scale;
import dev.fieldpoll.poll.Template;
import dev.fieldpoll.report.BallotTable;
import dev.fieldpoll.report.PollReport.PollInfo;
import dev.fieldpoll.report.ReportInput;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Votes from a CSV file with the header {@code voter,field,factor,score} (score empty or ? = don't know).
 * Bad rows are reported by line and skipped; a later row for the same voter and cell replaces the earlier.
 */
final class CsvVotes {

    private static final List<String> HEADER = List.of("voter", "field", "factor", "score");

    /** The report's input, the rows skipped, and every voter's ballot by the voter's id in the file. */
    record Parsed(ReportInput input, List<String> problems, Map<String, Map<CellKey, Answer>> ballots) {}

    private final Optional<Template> template;
    private final Scale scale;
    private final Map<String, Field> fields = new LinkedHashMap<>();
    private final Map<String, Factor> factors = new LinkedHashMap<>();
    private final Map<String, Map<CellKey, Answer>> ballots = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();

    CsvVotes(Optional<Template> template, Scale scale) {
        this.template = template;
        this.scale = template.map(t -> t.definition().scale()).orElse(scale);
        template.ifPresent(t -> {
            t.definition().fields().forEach(field -> fields.put(field.key(), field));
            t.definition().factors().forEach(factor -> factors.put(factor.key(), factor));
        });
    }

    Parsed read(Path file, int minVoters, int labelFrom, int groupsFrom) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            CSVFormat format = CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .setIgnoreSurroundingSpaces(true)
                    .setIgnoreEmptyLines(true)
                    .get();
            var parser = format.parse(reader);
            if (!parser.getHeaderNames().stream()
                    .map(name -> name.toLowerCase(Locale.ROOT))
                    .toList()
                    .equals(HEADER)) {
                throw new UserInputException(file + ": the first line must be the header voter,field,factor,score.");
            }
            for (CSVRecord row : parser) {
                readRow(row);
            }
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException unreadable) {
            throw new UserInputException("Cannot read " + file + ": " + unreadable.getMessage());
        }
        if (ballots.isEmpty()) {
            throw new UserInputException(file + " has no usable votes"
                    + (problems.isEmpty()
                            ? "."
                            : "; " + problems.size() + " rows were skipped, the first: " + problems.get(0)));
        }
        return new Parsed(
                input(file, minVoters, labelFrom, groupsFrom),
                List.copyOf(problems),
                java.util.Collections.unmodifiableMap(ballots));
    }

    private void readRow(CSVRecord row) {
        long line = row.getParser().getCurrentLineNumber();
        if (row.size() != HEADER.size()) {
            problems.add("line " + line + ": expected 4 columns, found " + row.size());
            return;
        }
        String voter = row.get(0).strip();
        if (voter.isEmpty()) {
            problems.add("line " + line + ": the voter is empty");
            return;
        }
        Optional<Field> field = field(row.get(1).strip(), line);
        Optional<Factor> factor = factor(row.get(2).strip(), line);
        Optional<Answer> answer = answer(row.get(3).strip(), line);
        if (field.isPresent() && factor.isPresent() && answer.isPresent()) {
            ballots.computeIfAbsent(voter, key -> new LinkedHashMap<>())
                    .put(new CellKey(field.get().key(), factor.get().key()), answer.get());
        }
    }

    private Optional<Field> field(String name, long line) {
        return known(name, line, "field", fields, Field::key, Field::name, key -> new Field(key, truncate(name), ""));
    }

    private Optional<Factor> factor(String name, long line) {
        return known(
                name,
                line,
                "factor",
                factors,
                Factor::key,
                Factor::name,
                key -> new Factor(key, truncate(name), null, null, null, 1.0));
    }

    /**
     * Finds a field or factor by key or name; without a template an unseen name becomes a new one,
     * with a template it is a problem of that line.
     */
    private <T> Optional<T> known(
            String name,
            long line,
            String what,
            Map<String, T> items,
            Function<T, String> key,
            Function<T, String> displayName,
            Function<String, T> create) {
        Optional<T> found = items.values().stream()
                .filter(item -> key.apply(item).equalsIgnoreCase(name)
                        || displayName.apply(item).equalsIgnoreCase(name))
                .findFirst();
        if (found.isPresent()) {
            return found;
        }
        if (template.isPresent() || name.isEmpty()) {
            problems.add("line " + line + ": unknown " + what + " '" + name + "'");
            return Optional.empty();
        }
        T added = create.apply(uniqueKey(name, items.keySet()));
        items.put(key.apply(added), added);
        return Optional.of(added);
    }

    private Optional<Answer> answer(String text, long line) {
        if (text.isEmpty() || text.equals("?")) {
            return Optional.of(Answer.DONT_KNOW);
        }
        try {
            int score = Integer.parseInt(text);
            if (scale.contains(score)) {
                return Optional.of(Answer.score(score));
            }
            problems.add("line " + line + ": score " + score + " is outside " + scale);
        } catch (NumberFormatException notANumber) {
            problems.add("line " + line + ": score '" + text + "' is not a whole number or ?");
        }
        return Optional.empty();
    }

    private static String uniqueKey(String name, java.util.Set<String> taken) {
        String base = Keys.slug(name);
        String key = base;
        for (int suffix = 2; taken.contains(key); suffix++) {
            key = base.substring(0, Math.min(base.length(), 28)) + "-" + suffix;
        }
        return key;
    }

    private static String truncate(String name) {
        return name.length() <= 80 ? name : name.substring(0, 80);
    }

    private ReportInput input(Path file, int minVoters, int labelFrom, int groupsFrom) {
        PollDefinition definition;
        try {
            definition = template.map(Template::definition)
                    .orElseGet(() -> new PollDefinition(
                            scale, List.copyOf(fields.values()), List.copyOf(factors.values()), Map.of()));
        } catch (IllegalArgumentException tooMany) {
            throw new UserInputException(file + ": " + tooMany.getMessage() + ".");
        }
        String title = template.map(Template::title).orElse(file.getFileName().toString());
        BallotTable table = BallotTable.of(definition, ballots.values());
        PollInfo info =
                new PollInfo(0, title, "file", ballots.size(), table.completeBallots(), scale.min(), scale.max());
        return new ReportInput(info, definition, table.counts(), table.matrix(), minVoters, labelFrom, groupsFrom);
    }
}
