package dev.fieldpoll.app;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fieldpoll.poll.CellKey;
import dev.fieldpoll.poll.Factor;
import dev.fieldpoll.poll.Field;
import dev.fieldpoll.poll.PollDefinition;
import dev.fieldpoll.poll.Scale;
import dev.fieldpoll.poll.Template;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads poll templates: the built-in ones from the jar, then *.yml files from a folder, which
 * may replace a built-in by using its key. A broken file is an error naming file, line and problem.
 */
public final class TemplateLoader {

    static final List<String> BUILT_IN = List.of("ai-safety-automation.yml", "community-roadmap.yml");
    private static final Pattern QUOTED = Pattern.compile("'([^']+)'");

    private final ObjectMapper yaml = YamlErrors.strictMapper();

    public List<Template> loadAll(Path directory) {
        Map<String, Template> byKey = new LinkedHashMap<>();
        for (String name : BUILT_IN) {
            Template template = parse("polls/" + name, readResource("polls/" + name));
            byKey.put(template.key(), template);
        }
        Map<String, Path> fromFile = new HashMap<>();
        for (Path file : yamlFiles(directory)) {
            Template template = load(file);
            Path other = fromFile.putIfAbsent(template.key(), file);
            if (other != null) {
                // A file may replace a built-in template, but two files cannot both be the one meant.
                throw new ConfigException("Templates " + other + " and " + file + " both have the key '"
                        + template.key() + "'; give one another key.");
            }
            byKey.put(template.key(), template);
        }
        return List.copyOf(byKey.values());
    }

    public Template load(Path file) {
        try {
            return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException unreadable) {
            throw new ConfigException("Cannot read template " + file + ": " + unreadable.getMessage(), unreadable);
        }
    }

    Template parse(String source, String text) {
        if (YamlErrors.isEmpty(text)) {
            throw problem(
                    source,
                    1,
                    text.isBlank()
                            ? "the file is empty; write a template or remove the file"
                            : "the file is empty (only comments); write a template or remove the file");
        }
        TemplateFile file;
        try {
            file = yaml.readValue(text, TemplateFile.class);
        } catch (JsonProcessingException wrong) {
            throw problem(source, YamlErrors.line(text, wrong), YamlErrors.message(text, wrong));
        }
        if (file == null) {
            throw problem(source, 1, "the file is empty");
        }
        try {
            return file.toTemplate();
        } catch (IllegalArgumentException | NullPointerException invalid) {
            String message = invalid.getMessage() == null ? "a required entry is missing" : invalid.getMessage();
            throw problem(source, lineMentioning(text, message), message);
        }
    }

    private static ConfigException problem(String source, int line, String message) {
        return new ConfigException("Template " + source + " line " + line + ": " + message);
    }

    /** Finds the line naming the key a validation message quotes, so semantic errors point somewhere useful. */
    private static int lineMentioning(String text, String message) {
        Matcher quoted = QUOTED.matcher(message);
        String[] lines = text.split("\n", -1);
        if (quoted.find()) {
            for (int i = lines.length - 1; i >= 0; i--) {
                if (lines[i].contains(quoted.group(1))) {
                    return i + 1;
                }
            }
        }
        return 1;
    }

    private static String readResource(String name) {
        try (InputStream in = TemplateLoader.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new ConfigException("The built-in template " + name + " is missing from the build.");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            throw new ConfigException("Cannot read built-in template " + name, unreadable);
        }
    }

    private static List<Path> yamlFiles(Path directory) {
        if (directory == null || !Files.isDirectory(directory)) {
            return List.of();
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, "*.{yml,yaml}")) {
            entries.forEach(files::add);
        } catch (IOException unreadable) {
            throw new ConfigException("Cannot list templates in " + directory + ": " + unreadable.getMessage());
        }
        files.sort(null);
        return files;
    }

    /** The YAML shape of a template. */
    record TemplateFile(
            String key,
            String title,
            String description,
            String higher,
            ScaleEntry scale,
            List<FactorEntry> factors,
            List<FieldEntry> fields,
            ReferenceEntry reference) {

        Template toTemplate() {
            if (factors == null || fields == null) {
                throw new IllegalArgumentException("a template needs 'factors' and 'fields' lists");
            }
            Scale range = scale == null ? Scale.ONE_TO_FIVE : new Scale(scale.min(), scale.max());
            List<Field> fieldList = fields.stream().map(FieldEntry::field).toList();
            List<Factor> factorList = factors.stream().map(FactorEntry::factor).toList();
            Map<CellKey, Double> scores = reference == null ? Map.of() : reference.cells();
            return new Template(
                    key, title, description, new PollDefinition(range, fieldList, factorList, scores, higher));
        }
    }

    record ScaleEntry(int min, int max) {
        ScaleEntry {
            new Scale(min, max);
        }
    }

    record FieldEntry(Field field) {
        @JsonCreator
        FieldEntry(
                @JsonProperty("key") String key,
                @JsonProperty("name") String name,
                @JsonProperty("description") String description) {
            this(new Field(key, name, description));
        }
    }

    record FactorEntry(Factor factor) {
        @JsonCreator
        FactorEntry(
                @JsonProperty("key") String key,
                @JsonProperty("name") String name,
                @JsonProperty("question") String question,
                @JsonProperty("low") String low,
                @JsonProperty("high") String high,
                @JsonProperty("weight") Double weight) {
            this(new Factor(key, name, question, low, high, weight == null ? 1.0 : weight));
        }
    }

    record ReferenceEntry(String source, Map<String, Map<String, Double>> scores) {

        Map<CellKey, Double> cells() {
            Map<CellKey, Double> cells = new HashMap<>();
            if (scores != null) {
                scores.forEach((field, byFactor) ->
                        byFactor.forEach((factor, score) -> cells.put(new CellKey(field, factor), score)));
            }
            return cells;
        }
    }
}
