package dev.fieldpoll.poll;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NameMatchTest {

    private final List<Field> fields = List.of(
            new Field("mech-interp", "Mech Interp", ""),
            new Field("model-organisms", "Model Organisms of Misalignment", ""),
            new Field("evals", "Evals", ""),
            new Field("emergent-misalignment", "Emergent Misalignment", ""));

    private NameMatch<Field> match(String typed) {
        return NameMatch.of(typed, fields, Field::key, Field::name);
    }

    @Test
    void exact_key_or_name_ignoring_case_and_separators() {
        assertThat(match("EVALS")).isEqualTo(new NameMatch.Found<>(fields.get(2)));
        assertThat(match("mech interp")).isEqualTo(new NameMatch.Found<>(fields.get(0)));
        assertThat(match("mech_interp")).isEqualTo(new NameMatch.Found<>(fields.get(0)));
    }

    @Test
    void a_unique_prefix_is_enough() {
        assertThat(match("model")).isEqualTo(new NameMatch.Found<>(fields.get(1)));
        assertThat(match("em")).isEqualTo(new NameMatch.Found<>(fields.get(3)));
    }

    @Test
    void a_shared_prefix_is_ambiguous() {
        assertThat(match("m")).isInstanceOf(NameMatch.Ambiguous.class);
        assertThat(((NameMatch.Ambiguous<Field>) match("m")).candidates())
                .extracting(Field::key)
                .containsExactly("mech-interp", "model-organisms");
    }

    @Test
    void an_unknown_name_suggests_the_closest() {
        NameMatch<Field> match = match("evlas");

        assertThat(match).isInstanceOf(NameMatch.Unknown.class);
        assertThat(((NameMatch.Unknown<Field>) match).suggestions().get(0).key())
                .isEqualTo("evals");
    }
}
