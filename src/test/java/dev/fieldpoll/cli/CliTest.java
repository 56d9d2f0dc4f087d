package dev.fieldpoll.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldpoll.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command-line tools, run as a person would run them, with output captured. */
class CliTest {

    @TempDir
    Path folder;

    private static CliRun run(String... arguments) {
        return CliRun.of(arguments);
    }

    @Test
    void simulate_twice_with_one_seed_gives_identical_output() {
        CliRun first = run("simulate", "--voters", "60", "--seed", "7");
        CliRun second = run("simulate", "--voters", "60", "--seed", "7");
        CliRun other = run("simulate", "--voters", "60", "--seed", "8");

        assertThat(first.exitCode()).isZero();
        assertThat(first.out())
                .contains("60 voters")
                .contains("Ranking")
                .contains("Where the community splits")
                .contains("Community vs reference")
                .contains("Krippendorff");
        assertThat(second.out()).isEqualTo(first.out());
        assertThat(other.out()).isNotEqualTo(first.out());
    }

    @Test
    void simulate_shows_polarized_cells_and_writes_json_with_the_documented_keys() {
        CliRun json = run("simulate", "--voters", "80", "--seed", "3", "--format", "json");

        assertThat(json.exitCode()).isZero();
        assertThat(json.out())
                .contains(
                        "\"poll\"",
                        "\"factors\"",
                        "\"cells\"",
                        "\"ranking\"",
                        "\"highlights\"",
                        "\"reference\"",
                        "\"agreement\"",
                        "\"dont_know\"",
                        "\"low_share\"",
                        "\"high_share\"",
                        "\"rank_low\"",
                        "\"rank_high\"",
                        "\"tie_with_next\"",
                        "\"kendall_tau_b\"",
                        "\"ci_low\"",
                        "\"ci_high\"",
                        "\"krippendorff_alpha_ordinal\"",
                        "\"polarized\"");
    }

    @Test
    void simulate_into_a_database_then_export_pseudonymized_votes_that_analyze_reads_back() throws Exception {
        Path database = folder.resolve("sim.db");
        assertThat(run("simulate", "--voters", "20", "--db", database.toString())
                        .exitCode())
                .isZero();

        CliRun export = run("export", "--poll", "1", "--db", database.toString());
        CliRun again = run("export", "--poll", "1", "--db", database.toString());

        assertThat(export.exitCode()).isZero();
        assertThat(export.out()).startsWith("voter,field,factor,score").doesNotContain("sim-0");
        assertThat(export.out()).isEqualTo(again.out());
        assertThat(export.out()
                        .lines()
                        .skip(1)
                        .map(line -> line.split(",")[0])
                        .distinct()
                        .count())
                .isEqualTo(20);
        Path csv = folder.resolve("export.csv");
        Files.writeString(csv, export.out());
        CliRun analyzed = run("analyze", "--votes", csv.toString(), "--template", "ai-safety-automation");
        assertThat(analyzed.exitCode()).isZero();
        assertThat(analyzed.out()).contains("20 voters").contains("Ranking");
        assertThat(analyzed.err()).isEmpty();
    }

    @Test
    void the_bot_analyze_of_its_export_shuffled_rows_and_renamed_voters_give_the_same_report() throws Exception {
        // given the bot's own report of a poll (simulate prints it from the database, as /poll results does)
        Path database = folder.resolve("same.db");
        CliRun bot = run("simulate", "--voters", "60", "--seed", "5", "--db", database.toString(), "--format", "json");
        Path csv = folder.resolve("export.csv");
        Files.writeString(
                csv, run("export", "--poll", "1", "--db", database.toString()).out());
        // and the export with its rows shuffled and every voter renamed
        List<String> rows = new ArrayList<>(Files.readAllLines(csv));
        String header = rows.remove(0);
        Collections.shuffle(rows, new Random(9));
        Map<String, String> names = new HashMap<>();
        List<String> renamed = new ArrayList<>(List.of(header));
        for (String row : rows) {
            String voter = row.substring(0, row.indexOf(','));
            String name = names.computeIfAbsent(voter, key -> "member-" + (names.size() * 7919 % 1009));
            renamed.add(name + row.substring(row.indexOf(',')));
        }
        Path shuffled = folder.resolve("shuffled.csv");
        Files.write(shuffled, renamed);

        // when both are analyzed
        CliRun analyzed =
                run("analyze", "--votes", csv.toString(), "--template", "ai-safety-automation", "--format", "json");
        CliRun reordered = run(
                "analyze", "--votes", shuffled.toString(), "--template", "ai-safety-automation", "--format", "json");

        // then every number is the bot's (only the poll's id and status differ), and the shuffle changes nothing;
        // the opinion groups too
        assertThat(analyzed.exitCode()).isZero();
        assertThat(bot.out()).contains("\"groups\" : [ {").contains("\"status\" : \"found\"");
        assertThat(withoutPollLine(analyzed.out())).isEqualTo(withoutPollLine(bot.out()));
        assertThat(reordered.out()).isEqualTo(analyzed.out());
    }

    /** The report JSON from its "factors" on: the "poll" object names the poll's id and status. */
    private static String withoutPollLine(String json) {
        return json.substring(json.indexOf("\"factors\""));
    }

    @Test
    void export_json_and_an_unknown_poll() {
        Path database = folder.resolve("sim.db");
        run("simulate", "--voters", "5", "--db", database.toString());

        CliRun json = run("export", "--poll", "1", "--format", "json", "--db", database.toString());
        CliRun missing = run("export", "--poll", "9", "--db", database.toString());

        assertThat(json.out()).contains("\"votes\"").contains("\"voter\" : \"v-");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("There is no poll #9");
    }

    @Test
    void analyze_reports_bad_lines_by_number_and_skips_them() throws Exception {
        Path csv = folder.resolve("votes.csv");
        Files.writeString(csv, """
                voter,field,factor,score
                ann,Alpha,Impact,4
                ann,Alpha,Effort,?
                bob,Alpha,Impact,9
                bob,Beta,Impact,two
                carl,Beta,Impact,2
                ,Beta,Effort,3
                dan,Beta,Effort
                dan,Beta,Effort,5
                """);

        CliRun analyzed = run("analyze", "--votes", csv.toString(), "--format", "json");

        assertThat(analyzed.exitCode()).isZero();
        assertThat(analyzed.err())
                .contains("skipped line 4: score 9 is outside 1-5")
                .contains("skipped line 5: score 'two' is not a whole number from 1-5 or ?")
                .contains("skipped line 7: the voter is empty")
                .contains("skipped line 8: expected 4 columns");
        assertThat(analyzed.out())
                .contains("\"field\" : \"alpha\"")
                .contains("\"factor\" : \"effort\"")
                .contains("\"voters\" : 3");
    }

    @Test
    void analyze_fails_clearly_when_nothing_is_usable() throws Exception {
        Path csv = folder.resolve("bad.csv");
        Files.writeString(csv, "voter,field,factor,score\nann,Alpha,Impact,7\n");
        Path headerless = folder.resolve("headerless.csv");
        Files.writeString(headerless, "ann,Alpha,Impact,3\n");

        CliRun nothing = run("analyze", "--votes", csv.toString());
        CliRun noHeader = run("analyze", "--votes", headerless.toString());
        CliRun missing = run("analyze", "--votes", folder.resolve("nope.csv").toString());

        assertThat(nothing.exitCode()).isEqualTo(1);
        assertThat(nothing.err()).contains("has no usable votes").contains("line 2: score 7 is outside 1-5");
        assertThat(noHeader.err()).contains("header voter,field,factor,score");
        assertThat(missing.err()).contains("There is no file");
        assertThat(nothing.err() + noHeader.err() + missing.err()).doesNotContain("Exception");
    }

    @Test
    void a_missing_default_template_is_a_clear_configuration_error() throws Exception {
        Path config = folder.resolve("fieldpoll.yml");
        Files.writeString(config, "polls:\n  default-template: no-such-template\n");

        CliRun run = run("simulate", "--voters", "3", "--config", config.toString());

        assertThat(run.exitCode()).isEqualTo(CliErrors.CONFIGURATION);
        assertThat(run.err())
                .contains("polls.default-template")
                .contains("no-such-template")
                .doesNotContain("\tat ");
    }

    @Test
    void a_database_file_that_is_not_sqlite_is_one_clear_line() throws Exception {
        Path notSqlite = folder.resolve("notes.db");
        Files.writeString(notSqlite, "these are my notes, not a database ".repeat(100));

        CliRun run = run("export", "--poll", "1", "--db", notSqlite.toString());

        assertThat(run.exitCode()).isEqualTo(CliErrors.CONFIGURATION);
        assertThat(run.err())
                .startsWith("fieldpoll: ")
                .contains("not a SQLite database")
                .doesNotContain("\tat ");
        assertThat(Files.readString(notSqlite)).startsWith("these are my notes");
    }

    @Test
    void web_serves_only_an_existing_database_and_says_so_in_one_line() {
        Path missing = folder.resolve("copied-elsewhere.db");

        CliRun run = run("web", "--db", missing.toString(), "--port", "0");

        assertThat(run.exitCode()).isEqualTo(CliErrors.CONFIGURATION);
        assertThat(run.err())
                .startsWith("fieldpoll: ")
                .contains(missing.toString())
                .doesNotContain("\tat ");
        assertThat(missing).doesNotExist();
        assertThat(run("web", "--help").out()).contains("read-only").contains("--port");
    }

    @Test
    void analyze_reads_a_spreadsheets_byte_order_mark_and_takes_only_the_ascii_digits_of_the_scale() throws Exception {
        Path csv = folder.resolve("export.csv");
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        String rows = """
                voter,field,factor,score
                ann,Evals,Feedback quality,4
                bob,Evals,Feedback quality,\u0663
                cy,Evals,Feedback quality,\uFF15
                dan,Evals,Feedback quality,+2
                eve,Evals,Feedback quality,3
                fay,Nowhere,Nothing,3
                """;
        Files.write(csv, concat(bom, rows.getBytes(java.nio.charset.StandardCharsets.UTF_8)));

        CliRun analyzed = run("analyze", "--votes", csv.toString(), "--template", "ai-safety-automation");
        CliRun adHoc = run("analyze", "--votes", csv.toString(), "--format", "json");

        assertThat(adHoc.exitCode()).isZero();
        assertThat(adHoc.err())
                .contains("skipped line 3: score '\u0663' is not a whole number from 1-5 or ?")
                .contains("skipped line 4: score '\uFF15' is not a whole number from 1-5 or ?")
                .contains("skipped line 5: score '+2' is not a whole number from 1-5 or ?");
        assertThat(adHoc.out()).contains("\"voters\" : 3");
        assertThat(analyzed.err())
                .as("a row with an unknown field and factor is one skipped row")
                .contains("skipped line 7: unknown field 'Nowhere'; unknown factor 'Nothing'")
                .doesNotContain("skipped line 7: unknown factor");
        assertThat(analyzed.err()
                        .lines()
                        .filter(line -> line.startsWith("skipped line 7"))
                        .count())
                .isEqualTo(1);
    }

    @Test
    void analyze_names_the_line_of_a_byte_that_is_not_utf8() throws Exception {
        Path csv = folder.resolve("latin1.csv");
        byte[] head = "voter,field,factor,score\nann,Alpha,Impact,4\nbob,Caf"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] tail = ",Impact,3\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Files.write(csv, concat(concat(head, new byte[] {(byte) 0xE9}), tail));

        CliRun analyzed = run("analyze", "--votes", csv.toString());

        assertThat(analyzed.exitCode()).isEqualTo(1);
        assertThat(analyzed.err().strip())
                .isEqualTo("fieldpoll: " + csv + " line 3 is not UTF-8 text. Save the file as UTF-8 (spreadsheets call "
                        + "it \"CSV UTF-8\") and try again.");
    }

    @Test
    void analyze_says_where_the_csv_breaks_without_library_jargon() throws Exception {
        Path csv = folder.resolve("quotes.csv");
        Files.writeString(csv, "voter,field,factor,score\nann,Alpha,Impact,4\nbob,\"Alpha\"x,Impact,3\n");

        CliRun analyzed = run("analyze", "--votes", csv.toString());

        assertThat(analyzed.exitCode()).isEqualTo(1);
        assertThat(analyzed.err())
                .contains("the CSV cannot be read after line 2: a quote is not closed, or text follows a closing quote")
                .doesNotContain("java.")
                .doesNotContain("Exception");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    @Test
    void run_without_a_token_and_without_a_terminal_fails_with_one_line_naming_the_tokens() throws Exception {
        // the tests run with stdin and stdout redirected, as a service does, and no platform token set
        assertThat(System.console()).isNull();
        assertThat(System.getenv("DISCORD_TOKEN")).isNull();
        assertThat(System.getenv("SLACK_BOT_TOKEN")).isNull();
        Path database = folder.resolve("never.db");

        for (String[] arguments :
                new String[][] {{"run", "--db", database.toString()}, {"--db", database.toString()}}) {
            CliRun run = run(arguments);

            assertThat(run.exitCode()).isEqualTo(CliErrors.CONFIGURATION);
            assertThat(run.err().strip())
                    .isEqualTo(
                            "fieldpoll: No platform token is set (DISCORD_TOKEN, SLACK_BOT_TOKEN and SLACK_APP_TOKEN "
                                    + "are all empty) and there is no terminal for the console chat. Set the tokens in the "
                                    + "environment fieldpoll runs in, or run `fieldpoll console` to chat locally.");
            assertThat(run.out()).isEmpty();
        }
        assertThat(database).doesNotExist();
    }

    @Test
    void summary_out_never_overwrites_and_leaves_no_file_when_it_refuses() throws Exception {
        Path database = folder.resolve("fieldpoll.db");
        assertThat(run("simulate", "--voters", "12", "--db", database.toString())
                        .exitCode())
                .isZero();
        Path out = folder.resolve("out");

        CliRun first = run("summary", "--poll", "1", "--db", database.toString(), "--out", out.toString());
        assertThat(first.exitCode()).isZero();
        java.util.List<Path> written;
        try (var files = Files.list(out)) {
            written = files.sorted().toList();
        }
        Path markdown = written.stream()
                .filter(file -> file.toString().endsWith(".md"))
                .findFirst()
                .orElseThrow();
        Files.writeString(markdown, "my edited newsletter");

        CliRun second = run("summary", "--poll", "1", "--db", database.toString(), "--out", out.toString());

        assertThat(second.exitCode()).isEqualTo(1);
        assertThat(second.err().strip())
                .isEqualTo("fieldpoll: " + markdown + " exists already, and summary never overwrites a file. Move it "
                        + "away or choose another --out folder; nothing was written.");
        assertThat(Files.readString(markdown)).isEqualTo("my edited newsletter");
        try (var files = Files.list(out)) {
            assertThat(files.sorted().toList()).isEqualTo(written);
        }
    }

    @Test
    void export_json_has_one_key_order_whatever_the_run() throws Exception {
        Path database = folder.resolve("fieldpoll.db");
        assertThat(run("simulate", "--voters", "3", "--db", database.toString()).exitCode())
                .isZero();

        CliRun json = run("export", "--poll", "1", "--format", "json", "--db", database.toString());

        assertThat(json.exitCode()).isZero();
        assertThat(json.out())
                .startsWith(
                        "{\n  \"poll\" : {\n    \"id\" : 1,\n    \"title\" : \"Which AI safety fields get automated first?\"\n  },"
                                .replace("\n", System.lineSeparator()))
                .containsPattern(
                        "\\{\\s+\"voter\" : \"v-[0-9a-f]+\",\\s+\"field\" : \"[a-z-]+\",\\s+\"factor\" : \"[a-z-]+\",\\s+\"score\" : ");
    }

    @Test
    void an_unexpected_failure_is_one_plain_line_without_a_class_name() {
        java.io.StringWriter err = new java.io.StringWriter();
        picocli.CommandLine cli = dev.fieldpoll.FieldpollCli.commandLine().setErr(new java.io.PrintWriter(err, true));

        int exit = new CliErrors()
                .handleExecutionException(
                        new IllegalStateException("java.lang.NullPointerException deep inside"), cli, null);

        assertThat(exit).isEqualTo(CliErrors.FAILURE);
        assertThat(err.toString().strip())
                .isEqualTo("fieldpoll: something went wrong that fieldpoll did not expect, and the command stopped. "
                        + "Run it again with FIELDPOLL_DEBUG=1 set to see the details.");
    }
}
