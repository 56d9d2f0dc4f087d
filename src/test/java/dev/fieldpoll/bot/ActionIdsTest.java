package dev.fieldpoll.bot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldpoll.bot.ActionId.Action;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ActionIdsTest {

    @Test
    void every_action_round_trips() {
        for (Action action : Action.values()) {
            String[] arguments = action.arity() == 2
                    ? new String[] {"mech-interp", "feedback-quality"}
                    : action.arity() == 1 ? new String[] {"3"} : new String[0];
            ActionId id = ActionId.of(action, action == Action.CREATE_FORM ? 0 : 42, arguments);

            assertThat(ActionIds.decode(ActionIds.encode(id))).contains(id);
        }
    }

    @Test
    void the_encoding_is_the_documented_one() {
        assertThat(ActionIds.encode(ActionId.of(Action.ANSWER, 7, "evals", "economic-incentive")))
                .isEqualTo("fp1:answer:7:evals:economic-incentive");
    }

    @Test
    void the_longest_possible_id_fits_discords_limit() {
        String key = "k".repeat(32);
        String encoded = ActionIds.encode(ActionId.of(Action.ANSWER, 999_999_999_999_999_999L, key, key));

        assertThat(encoded.length()).isLessThanOrEqualTo(ActionIds.MAX_LENGTH);
    }

    @Test
    void forged_or_malformed_ids_decode_to_nothing() {
        assertThat(ActionIds.decode(null)).isEmpty();
        assertThat(ActionIds.decode("")).isEmpty();
        assertThat(ActionIds.decode("fp2:vote:1")).isEmpty();
        assertThat(ActionIds.decode("fp1:explode:1")).isEmpty();
        assertThat(ActionIds.decode("fp1:vote:0")).isEmpty();
        assertThat(ActionIds.decode("fp1:vote:-3")).isEmpty();
        assertThat(ActionIds.decode("fp1:vote:01")).isEmpty();
        assertThat(ActionIds.decode("fp1:vote:99999999999999999999")).isEmpty();
        assertThat(ActionIds.decode("fp1:vote:1:extra")).isEmpty();
        assertThat(ActionIds.decode("fp1:answer:1:evals")).isEmpty();
        assertThat(ActionIds.decode("fp1:answer:1:Evals:x")).isEmpty();
        assertThat(ActionIds.decode("fp1:answer:1:evals:x'; DROP TABLE vote;--"))
                .isEmpty();
        assertThat(ActionIds.decode("fp1:page:1:" + "9".repeat(120))).isEmpty();
        assertThat(ActionIds.decode("fp1:vote:1")).isEqualTo(Optional.of(ActionId.of(Action.VOTE, 1)));
    }

    @Test
    void the_create_form_names_no_poll_and_nothing_else_has_poll_zero() {
        assertThat(ActionIds.encode(ActionId.createForm())).isEqualTo("fp1:new:0");
        assertThat(ActionIds.decode("fp1:new:0")).contains(ActionId.createForm());
        assertThat(ActionIds.decode("fp1:new:5")).isEmpty();
        assertThat(ActionIds.decode("fp1:new:0:x")).isEmpty();
        assertThat(ActionIds.decode("fp1:new:00")).isEmpty();
        assertThat(ActionIds.decodeInChannel("fp1:new:0@C0POLLS"))
                .contains(new ActionIds.InChannel(ActionId.createForm(), "C0POLLS"));
    }
}
