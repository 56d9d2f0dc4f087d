package dev.fieldpoll.store;

import dev.fieldpoll.poll.Platform;
import dev.fieldpoll.poll.Poll;
import dev.fieldpoll.poll.PollDefinition;
import dev.fieldpoll.poll.ResultsVisibility;
import dev.fieldpoll.poll.Scale;
import dev.fieldpoll.poll.Workspace;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** One row of the poll table; with its fields, factors and reference it becomes a {@link Poll}. */
record PollRow(
        long id,
        Workspace workspace,
        String channelId,
        String title,
        String templateKey,
        Scale scale,
        ResultsVisibility visibility,
        String createdBy,
        Instant createdAt,
        Instant closesAt,
        Instant closedAt,
        String eligibleRole,
        String higher,
        boolean announce) {

    /** The columns {@link #read} expects, in a SELECT list. */
    static final String COLUMNS = "id, platform, workspace_id, channel_id, title, template_key, scale_min, scale_max, "
            + "results_visibility, created_by, created_at, closes_at, closed_at, eligible_role, higher, announce";

    static PollRow read(ResultSet row, SqlDialect dialect) throws SQLException {
        return new PollRow(
                row.getLong("id"),
                new Workspace(Platform.valueOf(row.getString("platform")), row.getString("workspace_id")),
                row.getString("channel_id"),
                row.getString("title"),
                row.getString("template_key"),
                new Scale(row.getInt("scale_min"), row.getInt("scale_max")),
                ResultsVisibility.valueOf(row.getString("results_visibility")),
                row.getString("created_by"),
                dialect.time(row, "created_at"),
                dialect.time(row, "closes_at"),
                dialect.time(row, "closed_at"),
                row.getString("eligible_role"),
                row.getString("higher"),
                row.getBoolean("announce"));
    }

    Poll toPoll(PollDefinition definition) {
        return new Poll(
                id,
                workspace,
                channelId,
                title,
                templateKey,
                definition,
                visibility,
                createdBy,
                createdAt,
                closesAt,
                closedAt,
                eligibleRole,
                announce);
    }
}
