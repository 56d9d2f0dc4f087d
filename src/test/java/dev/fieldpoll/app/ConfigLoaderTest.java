package dev.fieldpoll.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fieldpoll.discord.DiscordShards;
import dev.fieldpoll.poll.PollPolicy;
import dev.fieldpoll.store.DatabaseSettings;
import dev.fieldpoll.store.DatabaseTarget;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @TempDir
    Path folder;

    @Test
    void defaults_without_a_file() {
        Config config = new ConfigLoader(Map.of()).load(Optional.empty());

        assertThat(config.database()).isEqualTo(new DatabaseTarget.SqliteFile(Path.of("data/fieldpoll.db")));
        assertThat(config.storage().poolSize()).isEqualTo(4);
        assertThat(config.storage().commits()).isEqualTo(DatabaseSettings.Commits.GROUPED);
        assertThat(config.zone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(config.minVoters()).isEqualTo(3);
        assertThat(config.labelFrom()).isEqualTo(10);
        assertThat(config.groupsFrom()).isEqualTo(30);
        assertThat(config.onlyAdminsCreate()).isFalse();
        assertThat(config.console().user()).isEqualTo("you");
        assertThat(config.console().channel()).isEqualTo("local");
        assertThat(config.postResultsAtClose()).isTrue();
        assertThat(config.shareResults()).isEqualTo(PollPolicy.ResultsSharing.CREATOR);
    }

    @Test
    void who_shares_results_is_read_from_the_file_and_the_environment_overrides_it() throws Exception {
        Path file = folder.resolve("sharing.yml");
        Files.writeString(file, "polls:\n  share-results: Everyone\n");

        assertThat(new ConfigLoader(Map.of()).load(Optional.of(file)).shareResults())
                .isEqualTo(PollPolicy.ResultsSharing.EVERYONE);
        assertThat(new ConfigLoader(Map.of("FIELDPOLL_SHARE_RESULTS", "admins"))
                        .load(Optional.of(file))
                        .shareResults())
                .isEqualTo(PollPolicy.ResultsSharing.ADMINS);
    }

    @Test
    void an_unknown_share_results_value_is_refused_with_the_choices() throws Exception {
        Path file = folder.resolve("sharing.yml");
        Files.writeString(file, "polls:\n  share-results: owners\n");

        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(Optional.of(file)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(
                        "polls.share-results / FIELDPOLL_SHARE_RESULTS must be 'creator', 'admins' or 'everyone', "
                                + "was 'owners'");
    }

    @Test
    void slack_for_many_workspaces_reads_the_client_id_and_public_url_from_the_file_and_the_environment()
            throws Exception {
        Path file = folder.resolve("fieldpoll.yml");
        Files.writeString(
                file, "slack:\n  mode: http\n  client-id: \"1234.5678\"\n  public-url: https://polls.example.org\n");

        Config.Slack fromFile =
                new ConfigLoader(Map.of()).load(Optional.of(file)).slack();
        Config.Slack fromEnvironment = new ConfigLoader(Map.of(
                        "FIELDPOLL_SLACK_CLIENT_ID", "9999.1111",
                        "FIELDPOLL_SLACK_PUBLIC_URL", "https://other.example.org"))
                .load(Optional.of(file))
                .slack();

        assertThat(fromFile.clientId()).contains("1234.5678");
        assertThat(fromFile.publicUrl()).contains(URI.create("https://polls.example.org"));
        assertThat(fromEnvironment.clientId()).contains("9999.1111");
        assertThat(fromEnvironment.publicUrl()).contains(URI.create("https://other.example.org"));
        assertThat(new ConfigLoader(Map.of()).load(Optional.empty()).slack().clientId())
                .isEmpty();
    }

    @Test
    void results_posts_at_close_can_be_turned_off() throws Exception {
        Path file = folder.resolve("quiet.yml");
        Files.writeString(file, "polls:\n  post-results-at-close: false\n");

        assertThat(new ConfigLoader(Map.of()).load(Optional.of(file)).postResultsAtClose())
                .isFalse();
    }

    @Test
    void the_example_file_is_valid_and_the_environment_overrides_it() throws Exception {
        Map<String, String> environment = Map.of(
                "FIELDPOLL_ZONE",
                "Europe/London",
                "FIELDPOLL_MIN_VOTERS",
                "5",
                "FIELDPOLL_ADMINS",
                "U1, U2",
                "FIELDPOLL_DATABASE_PATH",
                "/tmp/x.db");

        Config config = new ConfigLoader(environment).load(Optional.of(Path.of("config/fieldpoll.example.yml")));

        assertThat(config.zone()).isEqualTo(ZoneId.of("Europe/London"));
        assertThat(config.minVoters()).isEqualTo(5);
        assertThat(config.admins()).containsExactlyInAnyOrder("U1", "U2");
        assertThat(config.database()).isEqualTo(new DatabaseTarget.SqliteFile(Path.of("/tmp/x.db")));
    }

    @Test
    void cells_are_labelled_from_a_configured_number_of_scores() throws Exception {
        Path file = folder.resolve("labels.yml");
        Files.writeString(file, "results:\n  label-from: 25\n");

        assertThat(new ConfigLoader(Map.of()).load(Optional.of(file)).labelFrom())
                .isEqualTo(25);
        assertThat(new ConfigLoader(Map.of("FIELDPOLL_LABEL_FROM", "12"))
                        .load(Optional.of(file))
                        .labelFrom())
                .isEqualTo(12);
        assertThatThrownBy(() -> new ConfigLoader(Map.of("FIELDPOLL_LABEL_FROM", "0")).load(Optional.empty()))
                .hasMessageContaining("results.label-from must be between 1 and");
    }

    @Test
    void opinion_groups_are_looked_for_from_a_configured_number_of_ballots() throws Exception {
        Path file = folder.resolve("groups.yml");
        Files.writeString(file, "results:\n  label-from: 25\n  groups-from: 60\n");

        Config config = new ConfigLoader(Map.of()).load(Optional.of(file));

        assertThat(config.groupsFrom()).isEqualTo(60);
        assertThat(config.labelFrom()).isEqualTo(25);
        assertThat(new ConfigLoader(Map.of("FIELDPOLL_GROUPS_FROM", "40"))
                        .load(Optional.of(file))
                        .groupsFrom())
                .isEqualTo(40);
        assertThatThrownBy(() -> new ConfigLoader(Map.of("FIELDPOLL_GROUPS_FROM", "5")).load(Optional.empty()))
                .hasMessageContaining("results.groups-from must be between 10 and");
    }

    @Test
    void wrong_values_are_clear_errors() throws Exception {
        Path file = folder.resolve("f.yml");
        Files.writeString(file, "zone: Mars/Olympus\n");

        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(Optional.of(file)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("zone 'Mars/Olympus'");
        assertThatThrownBy(() -> new ConfigLoader(Map.of("FIELDPOLL_MIN_VOTERS", "many")).load(Optional.empty()))
                .hasMessageContaining("whole number");
        assertThatThrownBy(() -> new ConfigLoader(Map.of("FIELDPOLL_MIN_VOTERS", "0")).load(Optional.empty()))
                .hasMessageContaining("between 1 and");
        assertThatThrownBy(() -> new ConfigLoader(Map.of("FIELDPOLL_CREATE_POLLS", "robots")).load(Optional.empty()))
                .hasMessageContaining("'everyone' or 'admins'");
    }

    @Test
    void unknown_settings_and_missing_files_name_the_problem() throws Exception {
        Path file = folder.resolve("typo.yml");
        Files.writeString(file, "zone: UTC\nprivacy:\n  min-votrs: 4\n");

        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(Optional.of(file)))
                .hasMessageContaining("typo.yml line 3")
                .hasMessageContaining("min-votrs");
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(Optional.of(folder.resolve("nope.yml"))))
                .hasMessageContaining("does not exist");
    }

    @Test
    void results_pages_are_unset_by_default_and_configured_from_the_file_and_the_environment() throws Exception {
        // given no setting: off for run, on for the console chat, on 127.0.0.1:8080 with 24-hour links
        Config.Web defaults = new ConfigLoader(Map.of()).load(Optional.empty()).web();
        assertThat(defaults.enabled()).isEmpty();
        assertThat(defaults.isOn()).isFalse();
        assertThat(defaults.onUnlessTurnedOff().isOn()).isTrue();
        assertThat(defaults.bind()).isEqualTo("127.0.0.1");
        assertThat(defaults.port()).isEqualTo(8080);
        assertThat(defaults.baseUrl()).isEmpty();
        assertThat(defaults.linkLifetime()).isEqualTo(java.time.Duration.ofHours(24));

        // a file turns them on behind a proxy; the environment picks the port
        Path file = folder.resolve("web.yml");
        Files.writeString(
                file, "web:\n  enabled: true\n  base-url: https://polls.example.org/fieldpoll/\n  link-lifetime: 2d\n");
        Config.Web web = new ConfigLoader(Map.of("FIELDPOLL_WEB_PORT", "9090"))
                .load(Optional.of(file))
                .web();
        assertThat(web.isOn()).isTrue();
        assertThat(web.port()).isEqualTo(9090);
        assertThat(web.baseUrl()).contains(java.net.URI.create("https://polls.example.org/fieldpoll/"));
        assertThat(web.linkLifetime()).isEqualTo(java.time.Duration.ofDays(2));

        // turned off explicitly, the console leaves them off
        Config.Web off = new ConfigLoader(Map.of("FIELDPOLL_WEB_ENABLED", "false"))
                .load(Optional.empty())
                .web();
        assertThat(off.onUnlessTurnedOff().isOn()).isFalse();
        assertThatThrownBy(() -> new ConfigLoader(Map.of("FIELDPOLL_WEB_ENABLED", "sometimes")).load(Optional.empty()))
                .hasMessageContaining("web.enabled / FIELDPOLL_WEB_ENABLED must be true or false");
        assertThatThrownBy(() -> new ConfigLoader(Map.of("FIELDPOLL_WEB_PORT", "70000")).load(Optional.empty()))
                .hasMessageContaining("web.port must be between 0 and 65535");
        assertThatThrownBy(
                        () -> new ConfigLoader(Map.of("FIELDPOLL_WEB_LINK_LIFETIME", "forever")).load(Optional.empty()))
                .hasMessageContaining("web.link-lifetime / FIELDPOLL_WEB_LINK_LIFETIME must be like 24h");
    }

    @Test
    void discord_shards_are_off_unless_set_and_read_from_the_file_or_the_environment() throws Exception {
        assertThat(load("discord:\n  guilds: []\n").discord().shards()).isEmpty();
        assertThat(load("discord:\n  shards:\n    total: auto\n").discord().shards())
                .contains(DiscordShards.automatic());
        assertThat(load("discord:\n  shards:\n    total: 4\n    ids: 0-1\n")
                        .discord()
                        .shards())
                .contains(new DiscordShards(java.util.OptionalInt.of(4), List.of(0, 1)));
        assertThat(new ConfigLoader(Map.of("FIELDPOLL_DISCORD_SHARDS_TOTAL", "3", "FIELDPOLL_DISCORD_SHARDS_IDS", "2"))
                        .load(Optional.empty())
                        .discord()
                        .shards())
                .contains(new DiscordShards(java.util.OptionalInt.of(3), List.of(2)));
    }

    @Test
    void wrong_shard_settings_are_refused_with_one_sentence() {
        assertThat(refusal("discord:\n  shards:\n    total: 2\n    ids: 0,2\n"))
                .endsWith("shard 2 does not exist: with 2 shards in all, the ids go from 0 to 1.");
        assertThat(refusal("discord:\n  shards:\n    ids: 0\n")).contains("shard ids need the total number of shards");
        assertThat(refusal("discord:\n  shards:\n    total: many\n"))
                .contains("the total number of shards must be a whole number or auto, was 'many'");
        assertThat(refusal("discord:\n  shards:\n    total: 4\n    ids: 3-1\n"))
                .contains("the shard range 3-1 goes backwards");
        assertThat(refusal("discord:\n  shards:\n    total: 0\n"))
                .contains("the number of shards must be between 1 and 65536, was 0");
        assertThat(refusal("discord:\n  shards:\n    total: 4\n    ids: one\n"))
                .contains("shard ids must be numbers or ranges separated by commas, like 0,1 or 0-3, was 'one'");
    }

    private Config load(String yaml) throws Exception {
        Path file = folder.resolve("fieldpoll.yml");
        Files.writeString(file, yaml);
        return new ConfigLoader(Map.of()).load(Optional.of(file));
    }

    private String refusal(String yaml) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> load(yaml));
        assertThat(thrown).isInstanceOf(ConfigException.class);
        assertThat(thrown.getMessage())
                .doesNotContain("java.")
                .doesNotContain("`")
                .doesNotContain("Cannot deserialize")
                .doesNotContain("coerc")
                .doesNotContain("\n");
        return thrown.getMessage();
    }

    @Test
    void a_fraction_where_a_whole_number_belongs_is_refused_not_truncated() {
        assertThat(refusal("privacy:\n  min-voters: 2.5\n"))
                .isEqualTo(folder.resolve("fieldpoll.yml")
                        + " line 2: privacy.min-voters must be a whole number, was 2.5");
        assertThat(refusal("rate-limit:\n  burst: lots\n"))
                .endsWith("rate-limit.burst must be a whole number, was lots");
        assertThat(refusal("admins: U1\n")).endsWith("line 1: admins must be a list, like [U1, U2]");
        assertThat(refusal("polls: everyone\n")).endsWith("line 1: polls must be a section of settings, was everyone");
    }

    @Test
    void a_repeated_key_is_refused_naming_both_lines() {
        assertThat(refusal("zone: UTC\ndatabase:\n  path: a.db\nzone: Europe/London\n"))
                .isEqualTo(folder.resolve("fieldpoll.yml") + " line 4: zone is given twice (lines 1 and 4); keep one");
        assertThat(refusal("database:\n  path: a.db\n  path: b.db\n"))
                .endsWith("path is given twice (lines 2 and 3); keep one");
    }

    @Test
    void an_empty_or_comments_only_file_means_the_defaults() throws Exception {
        for (String text : new String[] {"", "\n\n", "# nothing set yet\n# zone: UTC\n", "---\n"}) {
            Config config = load(text);
            assertThat(config.minVoters()).as("'%s'", text).isEqualTo(3);
            assertThat(config.zone()).isEqualTo(ZoneId.of("UTC"));
        }
    }

    @Test
    void a_templates_folder_that_does_not_exist_is_an_error_when_it_is_asked_for() throws Exception {
        Path missing = folder.resolve("my-polls");

        assertThat(refusal("polls:\n  templates-directory: " + missing + "\n"))
                .contains("polls.templates-directory")
                .contains(missing.toString())
                .contains("is not a folder");
        assertThatThrownBy(() ->
                        new ConfigLoader(Map.of("FIELDPOLL_TEMPLATES_DIR", missing.toString())).load(Optional.empty()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("FIELDPOLL_TEMPLATES_DIR");
        Files.createDirectory(missing);
        assertThat(load("polls:\n  templates-directory: " + missing + "\n").templatesDirectory())
                .isEqualTo(missing);
    }

    @Test
    void a_postgresql_url_takes_the_place_of_the_file_and_its_password_comes_from_the_environment_alone()
            throws Exception {
        Path file = folder.resolve("postgres.yml");
        Files.writeString(
                file,
                "database:\n  path: data/ignored.db\n  url: jdbc:postgresql://db.example.org/fieldpoll?user=fp\n"
                        + "  pool-size: 8\n  commits: plain\n");

        Config fromFile =
                new ConfigLoader(Map.of("FIELDPOLL_DATABASE_PASSWORD", "pw-from-env")).load(Optional.of(file));
        Config fromEnvironment = new ConfigLoader(Map.of(
                        "FIELDPOLL_DATABASE_URL", "jdbc:postgresql://other/fieldpoll",
                        "FIELDPOLL_DATABASE_POOL_SIZE", "2",
                        "FIELDPOLL_DATABASE_COMMITS", "grouped"))
                .load(Optional.of(file));

        assertThat(fromFile.database())
                .isEqualTo(new DatabaseTarget.Postgres(
                        "jdbc:postgresql://db.example.org/fieldpoll?user=fp", Optional.of("pw-from-env")));
        assertThat(fromFile.storage().poolSize()).isEqualTo(8);
        assertThat(fromFile.storage().commits()).isEqualTo(DatabaseSettings.Commits.PLAIN);
        assertThat(fromFile.toString()).doesNotContain("pw-from-env");
        assertThat(fromEnvironment.database())
                .isEqualTo(new DatabaseTarget.Postgres("jdbc:postgresql://other/fieldpoll", Optional.empty()));
        assertThat(fromEnvironment.storage().settings().poolSize()).isEqualTo(2);
        assertThat(fromEnvironment.storage().settings().commits()).isEqualTo(DatabaseSettings.Commits.GROUPED);
    }

    @Test
    void a_password_in_the_file_and_a_url_of_another_database_are_refused_in_one_line() throws Exception {
        Path withPassword = folder.resolve("password.yml");
        Files.writeString(withPassword, "database:\n  url: jdbc:postgresql://db/fieldpoll\n  password: hunter2\n");
        Path mysql = folder.resolve("mysql.yml");
        Files.writeString(mysql, "database:\n  url: jdbc:mysql://db/fieldpoll?password=hunter2\n");

        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(Optional.of(withPassword)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("database.password: a password never goes in the configuration file; "
                        + "set FIELDPOLL_DATABASE_PASSWORD in the environment instead")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(Optional.of(mysql)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("must be a PostgreSQL URL like jdbc:postgresql://")
                .hasMessageContaining("jdbc:mysql://db/fieldpoll?password=***")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() ->
                        new ConfigLoader(Map.of("FIELDPOLL_DATABASE_COMMITS", "sometimes")).load(Optional.empty()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("must be 'grouped' or 'plain', was 'sometimes'");
    }
}
