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

    @Test
    void did_you_mean_ranks_by_edit_distance_and_prefix_and_names_only_the_clearly_nearest() {
        assertThat(match("mech intrep")).isEqualTo(new NameMatch.Unknown<>(List.of(fields.get(0))));
        assertThat(match("modle")).isEqualTo(new NameMatch.Unknown<>(List.of(fields.get(1))));
        assertThat(match("astrology")).isEqualTo(new NameMatch.Unknown<>(List.of()));
    }

    @Test
    void a_unique_prefix_of_a_later_word_is_enough_too() {
        assertThat(match("interp")).isEqualTo(new NameMatch.Found<>(fields.get(0)));
        assertThat(match("organisms")).isEqualTo(new NameMatch.Found<>(fields.get(1)));
        assertThat(match("misalign")).isEqualTo(new NameMatch.Ambiguous<>(List.of(fields.get(1), fields.get(3))));
    }

    @Test
    void names_in_any_script_match_case_folded_and_width_folded() {
        List<Field> names = List.of(new Field("strasse", "Straße", ""), new Field("full-width", "Ｆｕｌｌ width", ""));

        assertThat(NameMatch.of("STRAẞE", names, Field::key, Field::name))
                .isEqualTo(new NameMatch.Found<>(names.get(0)));
        assertThat(NameMatch.of("full", names, Field::key, Field::name)).isEqualTo(new NameMatch.Found<>(names.get(1)));
    }
}
