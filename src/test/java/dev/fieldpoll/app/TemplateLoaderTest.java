package dev.fieldpoll.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fieldpoll.poll.CellKey;
import dev.fieldpoll.poll.Template;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateLoaderTest {

    private final TemplateLoader loader = new TemplateLoader();

    @TempDir
    Path folder;

    @Test
    void the_built_in_ai_safety_template_carries_the_seed() {
        List<Template> templates = loader.loadAll(folder);

        Template safety = templates.stream()
                .filter(t -> t.key().equals("ai-safety-automation"))
                .findFirst()
                .orElseThrow();
        assertThat(safety.definition().fields()).hasSize(10);
        assertThat(safety.definition().factors())
                .extracting(f -> f.key())
                .containsExactly("feedback-quality", "economic-incentive");
        assertThat(safety.definition().scale().points()).isEqualTo(5);
        assertThat(safety.definition().reference())
                .hasSize(20)
                .containsEntry(new CellKey("scalable-oversight", "economic-incentive"), 5.0)
                .containsEntry(new CellKey("mech-interp", "feedback-quality"), 5.0)
                .containsEntry(new CellKey("agent-foundations", "economic-incentive"), 1.0);
        assertThat(safety.definition().fields())
                .allSatisfy(field -> assertThat(field.description()).isNotBlank());
    }

    @Test
    void a_template_may_use_another_scale_and_more_factors() {
        Template roadmap = loader.loadAll(folder).stream()
                .filter(t -> t.key().equals("community-roadmap"))
                .findFirst()
                .orElseThrow();

        assertThat(roadmap.definition().scale().max()).isEqualTo(7);
        assertThat(roadmap.definition().factors()).hasSize(3);
        assertThat(roadmap.definition().hasReference()).isFalse();
    }

    @Test
    void a_file_in_the_folder_adds_a_template() throws Exception {
        Files.writeString(folder.resolve("tools.yml"), """
                key: tools
                title: Which tools?
                factors:
                  - {key: value, name: Value}
                fields:
                  - {key: git, name: Git}
                  - {key: make, name: Make}
                """);

        assertThat(loader.loadAll(folder)).extracting(Template::key).contains("tools", "ai-safety-automation");
    }

    @Test
    void a_syntax_error_names_file_and_line() throws Exception {
        Path file = folder.resolve("broken.yml");
        Files.writeString(file, "key: broken\ntitle: Broken\nfactors: [\n  {key: a, name: A}\n");

        assertThatThrownBy(() -> loader.load(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("broken.yml line ");
    }

    @Test
    void a_score_outside_the_scale_names_the_line_and_problem() throws Exception {
        Path file = folder.resolve("bad.yml");
        Files.writeString(file, """
                key: bad
                title: Bad
                scale: {min: 1, max: 5}
                factors:
                  - {key: value, name: Value}
                fields:
                  - {key: git, name: Git}
                reference:
                  scores:
                    git: {value: 9}
                """);

        assertThatThrownBy(() -> loader.load(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("bad.yml line ")
                .hasMessageContaining("outside the scale");
    }

    @Test
    void an_invalid_field_key_names_its_line() throws Exception {
        Path file = folder.resolve("keys.yml");
        Files.writeString(file, """
                key: keys
                title: Keys
                factors:
                  - {key: value, name: Value}
                fields:
                  - {key: git, name: Git}
                  - {key: "Not A Key", name: Bad}
                """);

        assertThatThrownBy(() -> loader.load(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("keys.yml line 7")
                .hasMessageContaining("field key must be");
    }

    @Test
    void duplicate_field_keys_and_unknown_settings_are_refused() throws Exception {
        Path duplicate = folder.resolve("dup.yml");
        Files.writeString(duplicate, """
                key: dup
                title: Dup
                factors:
                  - {key: value, name: Value}
                fields:
                  - {key: git, name: Git}
                  - {key: git, name: Git again}
                """);
        Path unknown = folder.resolve("unknown.yml");
        Files.writeString(unknown, "key: u\ntitle: U\ncolour: blue\nfactors: []\nfields: []\n");

        assertThatThrownBy(() -> loader.load(duplicate)).hasMessageContaining("share the key 'git'");
        assertThatThrownBy(() -> loader.load(unknown))
                .hasMessageContaining("unknown.yml line 3")
                .hasMessageContaining("colour");
    }

    @Test
    void an_empty_file_is_a_clear_error() throws Exception {
        Path empty = folder.resolve("empty.yml");
        Files.writeString(empty, "");

        assertThatThrownBy(() -> loader.load(empty))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("empty");
    }

    @Test
    void a_comments_only_template_is_one_clear_line() throws Exception {
        Path comments = folder.resolve("draft.yml");
        Files.writeString(comments, "# a template I will write tomorrow\n# key: draft\n");

        assertThatThrownBy(() -> loader.load(comments))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Template " + comments + " line 1: the file is empty (only comments); "
                        + "write a template or remove the file");
    }

    @Test
    void two_template_files_with_one_key_are_refused_naming_both() throws Exception {
        String template = """
                key: tools
                title: %s
                factors:
                  - {key: value, name: Value}
                fields:
                  - {key: git, name: Git}
                """;
        Files.writeString(folder.resolve("a-tools.yml"), template.formatted("Tools A"));
        Files.writeString(folder.resolve("b-tools.yml"), template.formatted("Tools B"));

        assertThatThrownBy(() -> loader.loadAll(folder))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Templates " + folder.resolve("a-tools.yml") + " and " + folder.resolve("b-tools.yml")
                        + " both have the key 'tools'; give one another key.");
    }

    @Test
    void a_repeated_key_names_both_lines_and_a_fraction_is_no_whole_number() throws Exception {
        Path repeated = folder.resolve("twice.yml");
        Files.writeString(repeated, "key: t\ntitle: T\ntitle: T again\nfactors: []\nfields: []\n");
        Path fraction = folder.resolve("scale.yml");
        Files.writeString(
                fraction,
                "key: s\ntitle: S\nscale: {min: 1, max: 5.5}\nfactors:\n  - {key: v, name: V}\nfields:\n  - {key: a, name: A}\n");

        assertThatThrownBy(() -> loader.load(repeated))
                .hasMessage("Template " + repeated + " line 3: title is given twice (lines 2 and 3); keep one");
        assertThatThrownBy(() -> loader.load(fraction))
                .hasMessage("Template " + fraction + " line 3: scale.max must be a whole number, was 5.5");
    }
}
