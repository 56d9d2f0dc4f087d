package dev.fieldpoll.cli;

import dev.fieldpoll.bot.Utf8Lines;
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
import java.io.UncheckedIOException;
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
        long line = 0;
        try (Reader reader = new Utf8Lines(Files.newInputStream(file)).asReader()) {
            CSVFormat format = CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .setIgnoreSurroundingSpaces(true)
                    .setIgnoreEmptyLines(true)
                    .get();
            var parser = format.parse(reader);
            if (!parser.getHeaderNames().stream()
                    .map(name -> Keys.clean(name).toLowerCase(Locale.ROOT))
                    .toList()
                    .equals(HEADER)) {
                throw new UserInputException(file + ": the first line must be the header voter,field,factor,score.");
            }
            for (CSVRecord row : parser) {
                line = row.getParser().getCurrentLineNumber();
                readRow(row, line);
            }
        } catch (IOException | UncheckedIOException | IllegalStateException unreadable) {
            throw unreadable(file, unreadable, line);
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

    /** One line for the user: a byte that is not UTF-8 with its line, a broken quote after the last good row. */
    private static UserInputException unreadable(Path file, Exception failure, long lastGoodLine) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof Utf8Lines.NotUtf8Exception notUtf8) {
                return new UserInputException(file + " line " + notUtf8.line() + " is not UTF-8 text. Save the file "
                        + "as UTF-8 (spreadsheets call it \"CSV UTF-8\") and try again.");
            }
        }
        if (failure instanceof java.nio.file.FileSystemException) {
            return new UserInputException("Cannot read " + file + ": check that it exists and may be read.");
        }
        return new UserInputException(file + ": the CSV cannot be read after line " + Math.max(1, lastGoodLine)
                + ": a quote is not closed, or text follows a closing quote.");
    }

    /** A row is used whole or skipped whole, with one line saying everything wrong with it. */
    private void readRow(CSVRecord row, long line) {
        if (row.size() != HEADER.size()) {
            problems.add("line " + line + ": expected 4 columns, found " + row.size());
            return;
        }
        String voter = Keys.clean(row.get(0));
        List<String> wrong = new ArrayList<>();
        if (voter.isEmpty()) {
            wrong.add("the voter is empty");
        }
        String fieldName = Keys.clean(row.get(1));
        String factorName = Keys.clean(row.get(2));
        Optional<Field> field = known(fieldName, fields, Field::key, Field::name);
        Optional<Factor> factor = known(factorName, factors, Factor::key, Factor::name);
        if (field.isEmpty() && !canAdd(fieldName)) {
            wrong.add("unknown field '" + Keys.shown(fieldName) + "'");
        }
        if (factor.isEmpty() && !canAdd(factorName)) {
            wrong.add("unknown factor '" + Keys.shown(factorName) + "'");
        }
        Optional<Answer> answer = answer(Keys.clean(row.get(3)), wrong);
        if (!wrong.isEmpty()) {
            problems.add("line " + line + ": " + String.join("; ", wrong));
            return;
        }
        Field cellField = field.orElseGet(
                () -> add(fields, Field::key, key -> new Field(key, truncate(fieldName), ""), fieldName, "f"));
        Factor cellFactor = factor.orElseGet(() -> add(
                factors,
                Factor::key,
                key -> new Factor(key, truncate(factorName), null, null, null, 1.0),
                factorName,
                "q"));
        ballots.computeIfAbsent(voter, key -> new LinkedHashMap<>())
                .put(new CellKey(cellField.key(), cellFactor.key()), answer.orElseThrow());
    }

    /** Without a template an unseen name becomes a new field or factor; with one, it is a problem of its row. */
    private boolean canAdd(String name) {
        return template.isEmpty() && !name.isEmpty();
    }

    /** A field or factor by key or name, compared case-folded. */
    private static <T> Optional<T> known(
            String name, Map<String, T> items, Function<T, String> key, Function<T, String> displayName) {
        String wanted = Keys.fold(name);
        return items.values().stream()
                .filter(item -> Keys.fold(key.apply(item)).equals(wanted)
                        || Keys.fold(displayName.apply(item)).equals(wanted))
                .findFirst();
    }

    private static <T> T add(
            Map<String, T> items, Function<T, String> key, Function<String, T> create, String name, String prefix) {
        T added = create.apply(uniqueKey(name, items.keySet(), prefix));
        items.put(key.apply(added), added);
        return added;
    }

    /** A whole number of the scale in ASCII digits (as the chat takes it), empty or ? for don't know. */
    private Optional<Answer> answer(String text, List<String> wrong) {
        if (text.isEmpty() || text.equals("?")) {
            return Optional.of(Answer.DONT_KNOW);
        }
        if (!text.matches("[0-9]{1,3}")) {
            wrong.add("score '" + Keys.shown(text) + "' is not a whole number from " + scale + " or ?");
            return Optional.empty();
        }
        int score = Integer.parseInt(text);
        if (!scale.contains(score)) {
            wrong.add("score " + score + " is outside " + scale);
            return Optional.empty();
        }
        return Optional.of(Answer.score(score));
    }

    /** The name's key, unique among those taken; names without letters or digits are numbered (f1, q1). */
    private static String uniqueKey(String name, java.util.Set<String> taken, String prefix) {
        return Keys.unique(Keys.slug(name).orElse(prefix + (taken.size() + 1)), new java.util.HashSet<>(taken));
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
        PollInfo info = new PollInfo(
                0,
                title,
                "file",
                ballots.size(),
                table.completeBallots(),
                scale.min(),
                scale.max(),
                definition.higher());
        return new ReportInput(info, definition, table.counts(), table.matrix(), minVoters, labelFrom, groupsFrom);
    }
}
