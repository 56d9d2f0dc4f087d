package dev.fieldpoll.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fieldpoll.poll.Installation;
import dev.fieldpoll.testing.StoredTokens;
import dev.fieldpoll.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Slack installations (bot tokens encrypted at rest) and single-use install states, on both databases. */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class SqlInstallationStoreTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String OTHER_KEY =
            Base64.getEncoder().encodeToString("another key of thirty-two bytes!".getBytes(StandardCharsets.US_ASCII));
    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    @Parameter
    TestDatabase kind;

    @TempDir
    Path dir;

    private Database database;
    private SqlInstallationStore installations;

    @BeforeEach
    void open() {
        database = Database.open(kind.create(dir), DatabaseSettings.defaults());
        installations = new SqlInstallationStore(database, TokenCipher.fromBase64(KEY));
    }

    @AfterEach
    void close() {
        if (database != null) {
            database.close();
        }
    }

    private static Installation installation(String team, String token) {
        return new Installation(
                team, Optional.empty(), "U0BOT" + team, Optional.of("B" + team), token, "commands,chat:write", NOW);
    }

    @Test
    void an_installation_comes_back_with_its_token_which_the_database_holds_only_encrypted() {
        // given two workspaces installed
        installations.save(installation("T1", "xoxb-T1-secret-token"));
        installations.save(installation("T2", "xoxb-T2-secret-token"));

        // then each reads back with its own token
        assertThat(installations.find("T1").orElseThrow().botToken()).isEqualTo("xoxb-T1-secret-token");
        assertThat(installations.find("T2").orElseThrow()).isEqualTo(installation("T2", "xoxb-T2-secret-token"));
        assertThat(installations.find("T3")).isEmpty();
        // and the column holds neither token, nor any part of it
        byte[] stored = storedToken("T1");
        assertThat(new String(stored, StandardCharsets.ISO_8859_1))
                .doesNotContain("xoxb")
                .doesNotContain("secret");
        assertThat(stored).hasSize(12 + "xoxb-T1-secret-token".length() + 16);
        // and the same token saved again is sealed with a new nonce
        installations.save(installation("T1", "xoxb-T1-secret-token"));
        assertThat(storedToken("T1")).isNotEqualTo(stored);
    }

    @Test
    void without_the_key_the_tokens_cannot_be_read_and_a_token_moved_to_another_row_does_not_open() {
        installations.save(installation("T1", "xoxb-T1-secret-token"));
        installations.save(installation("T2", "xoxb-T2-secret-token"));

        // another key opens nothing
        SqlInstallationStore wrongKey = new SqlInstallationStore(database, TokenCipher.fromBase64(OTHER_KEY));
        assertThatThrownBy(() -> wrongKey.find("T1"))
                .isInstanceOf(TokenCipher.WrongKey.class)
                .hasMessageNotContaining("xoxb");

        // T1's sealed token copied into T2's row does not pass for T2's
        byte[] t1 = storedToken("T1");
        database.inTransaction("move a token", connection -> {
            try (PreparedStatement move =
                    connection.prepareStatement("UPDATE slack_installation SET bot_token = ? WHERE team_id = 'T2'")) {
                move.setBytes(1, t1);
                return move.executeUpdate();
            }
        });
        assertThatThrownBy(() -> installations.find("T2")).isInstanceOf(TokenCipher.WrongKey.class);
    }

    @Test
    void an_uninstall_deletes_the_workspaces_row_and_token_and_no_other() {
        installations.save(installation("T1", "xoxb-T1-secret-token"));
        installations.save(installation("T2", "xoxb-T2-secret-token"));

        assertThat(installations.delete("T1")).isTrue();

        assertThat(installations.find("T1")).isEmpty();
        assertThat(rows("SELECT COUNT(*) FROM slack_installation WHERE team_id = 'T1'"))
                .isZero();
        assertThat(installations.find("T2")).isPresent();
        assertThat(installations.delete("T1")).isFalse();
    }

    @Test
    void a_state_is_good_once_and_only_until_it_expires() {
        installations.addState("state-1", NOW.plus(Duration.ofMinutes(10)));
        installations.addState("state-2", NOW.plus(Duration.ofMinutes(10)));

        assertThat(installations.consumeState("state-1", NOW)).isTrue();
        assertThat(installations.consumeState("state-1", NOW)).as("a replay").isFalse();
        assertThat(installations.consumeState("never-issued", NOW)).isFalse();
        assertThat(installations.consumeState("state-2", NOW.plus(Duration.ofMinutes(10))))
                .as("expired")
                .isFalse();
        assertThat(rows("SELECT COUNT(*) FROM slack_oauth_state"))
                .as("expired states are swept")
                .isZero();
    }

    @Test
    void a_key_that_is_not_32_bytes_of_base64_is_refused_without_showing_it() {
        assertThatThrownBy(() -> TokenCipher.fromBase64("not base64 at all!"))
                .hasMessageContaining("FIELDPOLL_SECRET_KEY is not Base64")
                .hasMessageNotContaining("not base64 at all");
        assertThatThrownBy(() -> TokenCipher.fromBase64(Base64.getEncoder().encodeToString(new byte[16])))
                .hasMessageContaining("must be 32 bytes");
    }

    private byte[] storedToken(String team) {
        return StoredTokens.of(database, team);
    }

    private long rows(String count) {
        return database.withConnection(connection -> {
            try (PreparedStatement select = connection.prepareStatement(count);
                    ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        });
    }
}
