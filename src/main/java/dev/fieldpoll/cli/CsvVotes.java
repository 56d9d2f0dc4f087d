package dev.fieldpoll.cli;

import dev.fieldpoll.poll.Answer;
import dev.fieldpoll.poll.CellCounts;
import dev.fieldpoll.poll.CellKey;
import dev.fieldpoll.poll.Factor;
import dev.fieldpoll.poll.Field;
import dev.fieldpoll.poll.Keys;
import dev.fieldpoll.poll.PollDefinition;
import dev.fieldpoll.poll.Scale;
import dev.fieldpoll.poll.Template;
import dev.fieldpoll.report.PollReport.PollInfo;
import dev.fieldpoll.report.ReportInput;
import dev.fieldpoll.tally.VoteMatrix;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Votes from a CSV file with the header {@code voter,field,factor,score} (score empty or ? = don't know).
 * Bad rows are reported by line and skipped; a later row for the same voter and cell replaces the earlier.
 */
final class CsvVotes {

    private static final List<String> HEADER = List.of("voter", "field", "factor", "score");

    record Parsed(ReportInput input, List<String> problems) {
    }

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

    Parsed read(Path file, int minVoters) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                    .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).get();
            var parser = format.parse(reader);
            if (!parser.getHeaderNames().stream().map(name -> name.toLowerCase(Locale.ROOT)).toList().equals(HEADER)) {
                throw new UserInputException(file + ": the first line must be the header voter,field,factor,score.");
            }
            for (CSVRecord row : parser) {
                readRow(row);
            }
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException unreadable) {
            throw new UserInputException("Cannot read " + file + ": " + unreadable.getMessage());
        }
        if (ballots.isEmpty()) {
            throw new UserInputException(file + " has no usable votes" + (problems.isEmpty() ? "." : "; " + problems.size()
                    + " rows were skipped, the first: " + problems.get(0)));
        }
        return new Parsed(input(file, minVoters), List.copyOf(problems));
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
        Optional<Field> known = fields.values().stream()
                .filter(field -> field.key().equalsIgnoreCase(name) || field.name().equalsIgnoreCase(name)).findFirst();
        if (known.isPresent() || template.isPresent() || name.isEmpty()) {
            if (known.isEmpty()) {
                problems.add("line " + line + ": unknown field '" + name + "'");
            }
            return known;
        }
        Field added = new Field(uniqueKey(name, fields.keySet()), truncate(name), "");
        fields.put(added.key(), added);
        return Optional.of(added);
    }

    private Optional<Factor> factor(String name, long line) {
        Optional<Factor> known = factors.values().stream()
                .filter(factor -> factor.key().equalsIgnoreCase(name) || factor.name().equalsIgnoreCase(name)).findFirst();
        if (known.isPresent() || template.isPresent() || name.isEmpty()) {
            if (known.isEmpty()) {
                problems.add("line " + line + ": unknown factor '" + name + "'");
            }
            return known;
        }
        Factor added = new Factor(uniqueKey(name, factors.keySet()), truncate(name), null, null, null, 1.0);
        factors.put(added.key(), added);
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

    private ReportInput input(Path file, int minVoters) {
        PollDefinition definition;
        try {
            definition = template.map(Template::definition).orElseGet(() -> new PollDefinition(scale,
                    List.copyOf(fields.values()), List.copyOf(factors.values()), Map.of()));
        } catch (IllegalArgumentException tooMany) {
            throw new UserInputException(file + ": " + tooMany.getMessage() + ".");
        }
        String title = template.map(Template::title).orElse(file.getFileName().toString());
        PollInfo info = new PollInfo(0, title, "file", ballots.size(), scale.min(), scale.max());
        return new ReportInput(info, definition, counts(definition), matrix(definition), minVoters, 0);
    }

    private List<CellCounts> counts(PollDefinition definition) {
        Map<CellKey, int[]> histograms = new HashMap<>();
        Map<CellKey, Integer> dontKnow = new HashMap<>();
        for (Map<CellKey, Answer> ballot : ballots.values()) {
            ballot.forEach((cell, answer) -> {
                if (answer instanceof Answer.Score score) {
                    histograms.computeIfAbsent(cell, key -> new int[scale.points()])[score.value() - scale.min()]++;
                } else {
                    dontKnow.merge(cell, 1, Integer::sum);
                }
            });
        }
        return definition.cells().stream()
                .filter(cell -> histograms.containsKey(cell) || dontKnow.containsKey(cell))
                .map(cell -> new CellCounts(cell, histograms.getOrDefault(cell, new int[scale.points()]),
                        dontKnow.getOrDefault(cell, 0)))
                .toList();
    }

    private VoteMatrix matrix(PollDefinition definition) {
        VoteMatrix.Builder matrix = new VoteMatrix.Builder(definition.fields().size(), definition.factors().size(),
                scale.min());
        for (Map<CellKey, Answer> ballot : ballots.values()) {
            int row = matrix.addVoter();
            ballot.forEach((cell, answer) -> {
                if (answer instanceof Answer.Score score) {
                    matrix.set(row, definition.indexOfField(cell.field()), definition.indexOfFactor(cell.factor()),
                            score.value());
                }
            });
        }
        return matrix.build();
    }
}
