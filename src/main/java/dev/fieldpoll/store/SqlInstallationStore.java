package dev.fieldpoll.store;

import dev.fieldpoll.poll.Installation;
import dev.fieldpoll.poll.InstallationStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Optional;

/**
 * Slack installations and install states in fieldpoll's database, SQLite or PostgreSQL (migration
 * V14). Bot tokens are written and read only through the {@link TokenCipher}. Thread-safe: every
 * call is one statement or transaction of the thread-safe {@link Database}.
 */
public final class SqlInstallationStore implements InstallationStore {

    private static final String SAVE = "INSERT INTO slack_installation (team_id, enterprise_id, bot_user_id, bot_id, "
            + "bot_token, scope, installed_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (team_id) DO UPDATE SET "
            + "enterprise_id = excluded.enterprise_id, bot_user_id = excluded.bot_user_id, bot_id = excluded.bot_id, "
            + "bot_token = excluded.bot_token, scope = excluded.scope, installed_at = excluded.installed_at";
    private static final String FIND = "SELECT enterprise_id, bot_user_id, bot_id, bot_token, scope, installed_at "
            + "FROM slack_installation WHERE team_id = ?";
    private static final String DELETE = "DELETE FROM slack_installation WHERE team_id = ?";
    private static final String ADD_STATE = "INSERT INTO slack_oauth_state (state, expires_at) VALUES (?, ?)";
    // One DELETE both checks and spends the state: of two redirects with it, in any processes, one wins.
    private static final String CONSUME_STATE = "DELETE FROM slack_oauth_state WHERE state = ? AND expires_at > ?";
    private static final String DROP_EXPIRED = "DELETE FROM slack_oauth_state WHERE expires_at <= ?";

    private final Database database;
    private final SqlDialect dialect;
    private final TokenCipher cipher;

    public SqlInstallationStore(Database database, TokenCipher cipher) {
        this.database = database;
        this.dialect = database.dialect();
        this.cipher = cipher;
    }

    @Override
    public void save(Installation installation) {
        String team = installation.workspaceId();
        byte[] sealed = cipher.encrypt(installation.botToken(), team);
        database.inTransaction("save the Slack installation of workspace " + team, connection -> {
            try (PreparedStatement save = connection.prepareStatement(SAVE)) {
                save.setString(1, team);
                save.setString(2, installation.enterpriseId().orElse(null));
                save.setString(3, installation.botUserId());
                save.setString(4, installation.botId().orElse(null));
                save.setBytes(5, sealed);
                save.setString(6, installation.scope());
                dialect.setTime(save, 7, installation.installedAt());
                return save.executeUpdate();
            }
        });
    }

    @Override
    public Optional<Installation> find(String workspaceId) {
        return database.withConnection("read the Slack installation of workspace " + workspaceId, connection -> {
            try (PreparedStatement find = connection.prepareStatement(FIND)) {
                find.setString(1, workspaceId);
                try (ResultSet row = find.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new Installation(
                            workspaceId,
                            Optional.ofNullable(row.getString("enterprise_id")),
                            row.getString("bot_user_id"),
                            Optional.ofNullable(row.getString("bot_id")),
                            cipher.decrypt(row.getBytes("bot_token"), workspaceId),
                            row.getString("scope"),
                            dialect.time(row, "installed_at")));
                }
            }
        });
    }

    @Override
    public boolean delete(String workspaceId) {
        return database.inTransaction("delete the Slack installation of workspace " + workspaceId, connection -> {
            try (PreparedStatement delete = connection.prepareStatement(DELETE)) {
                delete.setString(1, workspaceId);
                return delete.executeUpdate() == 1;
            }
        });
    }

    @Override
    public void addState(String state, Instant expiresAt) {
        database.inTransaction("remember a Slack install state", connection -> {
            try (PreparedStatement add = connection.prepareStatement(ADD_STATE)) {
                add.setString(1, state);
                dialect.setTime(add, 2, expiresAt);
                return add.executeUpdate();
            }
        });
    }

    @Override
    public boolean consumeState(String state, Instant now) {
        return database.inTransaction("check a Slack install state", connection -> {
            boolean valid;
            try (PreparedStatement consume = connection.prepareStatement(CONSUME_STATE)) {
                consume.setString(1, state);
                dialect.setTime(consume, 2, now);
                valid = consume.executeUpdate() == 1;
            }
            // abandoned installs leave states behind; each check sweeps the expired ones
            try (PreparedStatement drop = connection.prepareStatement(DROP_EXPIRED)) {
                dialect.setTime(drop, 1, now);
                drop.executeUpdate();
            }
            return valid;
        });
    }
}
