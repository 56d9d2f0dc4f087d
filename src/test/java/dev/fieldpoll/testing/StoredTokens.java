package dev.fieldpoll.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldpoll.store.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/** The Slack bot tokens as the database holds them (nonce, ciphertext and tag), for tests that they are sealed. */
public final class StoredTokens {

    private StoredTokens() {}

    /** The bot_token column of the workspace's row; fails when there is none. */
    public static byte[] of(Database database, String team) {
        return database.withConnection(connection -> {
            try (PreparedStatement select =
                    connection.prepareStatement("SELECT bot_token FROM slack_installation WHERE team_id = ?")) {
                select.setString(1, team);
                try (ResultSet row = select.executeQuery()) {
                    assertThat(row.next()).isTrue();
                    return row.getBytes(1);
                }
            }
        });
    }
}
