package dev.fieldpoll.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fieldpoll.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opinion groups from the command line: the simulated poll's camps, and which group each voter of a file is in. */
class GroupCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    @Test
    void the_simulated_ai_safety_poll_names_its_two_camps_and_their_common_ground() {
        // the simulator's voters fall in two camps that score two cells at opposite ends
        CliRun simulated = CliRun.of("simulate", "--voters", "200", "--seed", "42");

        String out = simulated.out();
        assertThat(simulated.exitCode()).isZero();
        assertThat(out)
                .contains(
                        "Opinion groups:\n  2 opinion groups among the 200 voters who answered at least half the cells")
                .contains(
                        "  Common ground: every group ranks Mech Interp, Scalable Oversight and AI Control in its upper half")
                .contains("  - Group A: ")
                .contains("  - Group B: ");
        // the two polarized cells are what separates the camps
        Matcher polarized = Pattern.compile("  - (.+?): polarized, two camps").matcher(out);
        String groupA = out.substring(out.indexOf("  - Group A: "), out.indexOf("  - Group B: "));
        int cells = 0;
        while (polarized.find()) {
            assertThat(groupA).contains(polarized.group(1) + ": ");
            cells++;
        }
        assertThat(cells).isEqualTo(VoterSimulator.POLARIZED_CELLS);
    }

    @Test
    void analyze_writes_each_voters_group_matching_the_reports_group_sizes() throws Exception {
        Path database = folder.resolve("sim.db");
        assertThat(CliRun.of("simulate", "--voters", "120", "--seed", "11", "--db", database.toString())
                        .exitCode())
                .isZero();
        Path csv = folder.resolve("votes.csv");
        Files.writeString(
                csv,
                CliRun.of("export", "--poll", "1", "--db", database.toString()).out());
        Path groups = folder.resolve("groups.csv");

        CliRun analyzed = CliRun.of(
                "analyze",
                "--votes",
                csv.toString(),
                "--template",
                "ai-safety-automation",
                "--format",
                "json",
                "--groups-out",
                groups.toString());

        assertThat(analyzed.exitCode()).isZero();
        JsonNode report = JSON.readTree(analyzed.out());
        List<String> lines = Files.readAllLines(groups);
        assertThat(lines.get(0)).isEqualTo("voter,group");
        Map<String, Integer> sizes = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            sizes.merge(line.substring(line.indexOf(',') + 1), 1, Integer::sum);
        }
        assertThat(lines).hasSize(1 + report.path("poll").path("voters").asInt());
        for (JsonNode group : report.path("groups")) {
            assertThat(sizes.get(group.path("label").asText()))
                    .as("voters in group %s", group.path("label").asText())
                    .isEqualTo(group.path("size").asInt());
        }
        int placed = report.path("group_search").path("ballots").asInt();
        assertThat(sizes.getOrDefault("", 0))
                .isEqualTo(report.path("poll").path("voters").asInt() - placed);
    }

    @Test
    void without_groups_every_voter_is_written_with_an_empty_group_and_the_reason_is_said() throws Exception {
        Path csv = folder.resolve("few.csv");
        Files.writeString(
                csv,
                "voter,field,factor,score\n"
                        + "ann,Evals,Impact,4\nann,Theory,Impact,2\n"
                        + "bob,Evals,Impact,5\nbob,Theory,Impact,1\n"
                        + "cy,\"Evals, broadly\",Impact,3\n");
        Path groups = folder.resolve("groups.csv");

        CliRun analyzed = CliRun.of("analyze", "--votes", csv.toString(), "--groups-out", groups.toString());

        assertThat(analyzed.exitCode()).isZero();
        assertThat(Files.readAllLines(groups)).containsExactly("voter,group", "ann,", "bob,", "cy,");
        assertThat(analyzed.err())
                .contains("Looked for once 30 members have answered at least half the cells (so far 0).")
                .contains("Every group in " + groups + " is empty.");
    }
}
