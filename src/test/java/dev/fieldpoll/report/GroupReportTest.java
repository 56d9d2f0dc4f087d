package dev.fieldpoll.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fieldpoll.poll.Answer;
import dev.fieldpoll.poll.CellKey;
import dev.fieldpoll.report.PollReport.Groups;
import dev.fieldpoll.testing.Golden;
import dev.fieldpoll.testing.ReportFixtures;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GroupReportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static PollReport camps() {
        return ReportFixtures.report(ReportFixtures.twoCamps());
    }

    @Test
    void two_camps_are_named_with_what_separates_them_and_their_common_ground() {
        Groups groups = camps().opinionGroups();

        assertThat(groups.found()).isTrue();
        assertThat(groups.groups()).extracting(PollReport.Group::label).containsExactly("A", "B");
        assertThat(groups.groups()).extracting(PollReport.Group::size).containsExactly(24, 16);
        PollReport.Group a = groups.groups().get(0);
        assertThat(a.topFields().get(0).name()).isEqualTo("Mech Interp");
        assertThat(a.separating().get(0).fieldName()).isEqualTo("Evals");
        assertThat(a.separating().get(0).factor()).isEqualTo("feedback");
        assertThat(a.separating().get(0).groupMean()).isEqualTo(4.75);
        assertThat(a.separating().get(0).othersMean()).isEqualTo(1.5);
        // both camps score Mech Interp's feedback 4.5 on average: nothing separates them there
        assertThat(a.separating())
                .noneMatch(
                        cell -> cell.field().equals("interp") && cell.factor().equals("feedback"));
        assertThat(groups.commonGround().fields())
                .extracting(PollReport.CommonField::field)
                .containsExactly("interp");
        assertThat(groups.commonGround().cells())
                .extracting(PollReport.CommonCell::field, PollReport.CommonCell::side)
                .containsOnly(org.assertj.core.groups.Tuple.tuple("interp", "high"));
        // a group's profile: Agent Foundations' incentive of camp B counts its 15 scores, not the "don't know"
        PollReport.GroupCell incentive = groups.groups().get(1).profile().get(5);
        assertThat(incentive.n()).isEqualTo(15);
        assertThat(incentive.mean()).isEqualTo(56.0 / 15);
    }

    @Test
    void the_report_with_groups_matches_its_golden_files() {
        PollReport report = camps();

        Golden.assertMatches("report/two-camps.txt", new TextReportRenderer().render(report));
        Golden.assertMatches("report/two-camps.md", new MarkdownReportRenderer().render(report));
        Golden.assertMatches("report/two-camps.json", new JsonReportRenderer().render(report));
    }

    @Test
    void json_has_groups_and_common_ground_but_no_voter_positions() throws Exception {
        JsonNode json = JSON.readTree(new JsonReportRenderer().render(camps()));

        assertThat(json.path("groups")).hasSize(2);
        JsonNode a = json.path("groups").get(0);
        assertThat(a.path("label").asText()).isEqualTo("A");
        assertThat(a.path("size").asInt()).isEqualTo(24);
        assertThat(a.path("profile")).hasSize(6);
        assertThat(a.path("top_fields").get(0).path("field").asText()).isEqualTo("interp");
        assertThat(a.path("separating").get(0).has("low")).isTrue();
        assertThat(json.path("common_ground")
                        .path("fields")
                        .get(0)
                        .path("field")
                        .asText())
                .isEqualTo("interp");
        assertThat(json.path("group_search").path("status").asText()).isEqualTo("found");
        assertThat(json.has("map")).isFalse();
        assertThat(json.has("placer")).isFalse();
        assertThat(json.toString()).doesNotContain("camp-a").doesNotContain("xs");
    }

    @Test
    void shown_group_percents_add_to_one_hundred_in_every_format() throws Exception {
        // 21 and 19 of 40 are 52.5% and 47.5%: rounded one by one they would read 53% and 48%
        PollReport report = ReportFixtures.report(ReportFixtures.twoCamps(21, 19));

        assertThat(report.opinionGroups().groups())
                .extracting(PollReport.Group::size, PollReport.Group::percent)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(21, 53), org.assertj.core.groups.Tuple.tuple(19, 47));
        for (String rendered :
                List.of(new TextReportRenderer().render(report), new MarkdownReportRenderer().render(report))) {
            assertThat(rendered)
                    .contains("Group A: 21 voters (53%)")
                    .contains("Group B: 19 voters (47%)")
                    .doesNotContain("(48%)");
        }
        JsonNode groups = JSON.readTree(new JsonReportRenderer().render(report)).path("groups");
        assertThat(groups.get(0).path("percent").asInt()
                        + groups.get(1).path("percent").asInt())
                .isEqualTo(100);
        assertThat(groups.get(0).path("share").asDouble()).isEqualTo(0.525);
    }

    @Test
    void below_the_threshold_groups_and_common_ground_are_null() throws Exception {
        PollReport report = ReportFixtures.report(ReportFixtures.tenVoters());

        JsonNode json = JSON.readTree(new JsonReportRenderer().render(report));

        assertThat(json.path("groups").isNull()).isTrue();
        assertThat(json.path("common_ground").isNull()).isTrue();
        assertThat(json.path("group_search").path("status").asText()).isEqualTo("too-few-ballots");
        assertThat(new TextReportRenderer().render(report))
                .contains("Looked for once 30 members have answered at least half the cells (so far 10).");
        assertThat(report.opinionGroups().map()).isNull();
    }

    @Test
    void the_threshold_is_configurable() {
        PollReport report = new ReportBuilder()
                .build(new ReportInput(
                        ReportFixtures.input(ReportFixtures.twoCamps(), 3).poll(),
                        ReportFixtures.DEFINITION,
                        ReportFixtures.input(ReportFixtures.twoCamps(), 3).counts(),
                        ReportFixtures.input(ReportFixtures.twoCamps(), 3).ballots(),
                        3,
                        10,
                        41));

        assertThat(report.opinionGroups().found()).isFalse();
        assertThat(report.opinionGroups().groupSearch().needed()).isEqualTo(41);
    }

    @Test
    void one_crowd_has_no_distinct_groups() throws Exception {
        Map<String, Map<CellKey, Answer>> ballots = ReportFixtures.oneCrowd();

        PollReport report = ReportFixtures.report(ballots);

        assertThat(report.opinionGroups().groupSearch().status()).isEqualTo("no-distinct-groups");
        assertThat(report.opinionGroups().groups()).isNull();
        assertThat(new TextReportRenderer().render(report))
                .contains(
                        "No distinct opinion groups: the 80 voters differ by degree rather than forming separate camps.");
        JsonNode json = JSON.readTree(new JsonReportRenderer().render(report));
        assertThat(json.path("groups").isNull()).isTrue();
        assertThat(json.path("group_search").path("gap").isNumber()).isTrue();
    }

    @Test
    void each_ballot_is_closest_to_the_group_it_was_counted_in() {
        PollReport report = camps();
        Groups groups = report.opinionGroups();

        ReportFixtures.twoCamps()
                .forEach((voter, ballot) -> assertThat(groups.closestGroup(ReportFixtures.DEFINITION, ballot))
                        .as(voter)
                        .contains(voter.startsWith("camp-a") ? "A" : "B"));
        Map<CellKey, Answer> thin = Map.of(new CellKey("evals", "feedback"), Answer.score(5));
        assertThat(groups.closestGroup(ReportFixtures.DEFINITION, thin)).isEmpty();
    }

    @Test
    void shuffled_and_renamed_ballots_give_the_same_groups() {
        List<Map<CellKey, Answer>> ballots =
                new ArrayList<>(ReportFixtures.twoCamps().values());
        Collections.shuffle(ballots, new Random(8));
        Map<String, Map<CellKey, Answer>> renamed = new LinkedHashMap<>();
        for (int voter = 0; voter < ballots.size(); voter++) {
            renamed.put("someone-" + (ballots.size() - voter), ballots.get(voter));
        }

        assertThat(new JsonReportRenderer().render(ReportFixtures.report(renamed)))
                .isEqualTo(new JsonReportRenderer().render(camps()));
    }
}
