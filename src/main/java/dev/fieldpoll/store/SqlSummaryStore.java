package dev.fieldpoll.store;

import dev.fieldpoll.poll.CellKey;
import dev.fieldpoll.poll.Platform;
import dev.fieldpoll.poll.PollChange;
import dev.fieldpoll.poll.Workspace;
import dev.fieldpoll.summary.Schedule;
import dev.fieldpoll.summary.Snapshot;
import dev.fieldpoll.summary.SummaryKey;
import dev.fieldpoll.summary.SummaryStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Summary schedules, run claims, snapshots and delivered summary parts in fieldpoll's database,
 * SQLite or PostgreSQL.
 */
public final class SqlSummaryStore implements SummaryStore {

    private static final String UPSERT_SCHEDULE = "INSERT INTO summary_schedule (platform, workspace_id, channel_id, "
            + "day_of_week, local_time, zone, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
            + "ON CONFLICT (platform, workspace_id, channel_id) DO UPDATE SET day_of_week = excluded.day_of_week, "
            + "local_time = excluded.local_time, zone = excluded.zone, created_by = excluded.created_by, "
            + "created_at = excluded.created_at";
    private static final String SCHEDULE_COLUMNS =
            "SELECT platform, workspace_id, channel_id, day_of_week, local_time, zone, created_at "
                    + "FROM summary_schedule";
    private static final String ALL_SCHEDULES = SCHEDULE_COLUMNS + " ORDER BY platform, workspace_id, channel_id";
    private static final String ONE_SCHEDULE =
            SCHEDULE_COLUMNS + " WHERE platform = ? AND workspace_id = ? AND channel_id = ?";
    private static final String DELETE_SCHEDULE =
            "DELETE FROM summary_schedule WHERE platform = ? AND workspace_id = ? AND channel_id = ?";
    // The WHERE of the upsert makes the claim atomic: a posted run, or a claim still within its
    // lease, leaves the row untouched and the update count at 0.
    private static final String CLAIM =
            "INSERT INTO summary_run (platform, workspace_id, channel_id, period, claimed_at) "
                    + "VALUES (?, ?, ?, ?, ?) ON CONFLICT (platform, workspace_id, channel_id, period) DO UPDATE "
                    + "SET claimed_at = excluded.claimed_at WHERE summary_run.posted_at IS NULL AND summary_run.claimed_at < ?";
    private static final String POSTED = "UPDATE summary_run SET posted_at = ? "
            + "WHERE platform = ? AND workspace_id = ? AND channel_id = ? AND period = ?";
    private static final String INSERT_SNAPSHOT =
            "INSERT INTO summary_snapshot (poll_id, taken_at, voters) VALUES (?, ?, ?)";
    private static final String INSERT_RANK =
            "INSERT INTO summary_snapshot_rank (poll_id, taken_at, field_key, rank) VALUES (?, ?, ?, ?)";
    private static final String INSERT_CELL = "INSERT INTO summary_snapshot_cell (poll_id, taken_at, field_key, "
            + "factor_key, label) VALUES (?, ?, ?, ?, ?)";
    private static final String LATEST_SNAPSHOT = "SELECT taken_at, voters FROM summary_snapshot "
            + "WHERE poll_id = ? AND taken_at < ? ORDER BY taken_at DESC LIMIT 1";
    private static final String SNAPSHOT_RANKS =
            "SELECT field_key, rank FROM summary_snapshot_rank WHERE poll_id = ? AND taken_at = ?";
    private static final String SNAPSHOT_CELLS =
            "SELECT field_key, factor_key, label FROM summary_snapshot_cell WHERE poll_id = ? AND taken_at = ?";

    private final Database database;
    private final SqlDialect dialect;
    private final SummaryPartTable parts;

    public SqlSummaryStore(Database database) {
        this.database = database;
        this.dialect = database.dialect();
        this.parts = new SummaryPartTable(database.dialect());
    }

    @Override
    public void saveSchedule(Schedule schedule, String createdBy) {
        database.inTransaction("save the summary schedule of channel " + schedule.channelId(), connection -> {
            try (PreparedStatement upsert = connection.prepareStatement(UPSERT_SCHEDULE)) {
                int next = bindChannel(upsert, 1, schedule.workspace(), schedule.channelId());
                upsert.setInt(next, schedule.day().getValue());
                upsert.setString(next + 1, schedule.time().toString());
                upsert.setString(next + 2, schedule.zone().getId());
                upsert.setString(next + 3, createdBy);
                dialect.setTime(upsert, next + 4, schedule.since());
                return upsert.executeUpdate();
            }
        });
    }

    @Override
    public Optional<Schedule> schedule(Workspace workspace, String channelId) {
        return database.withConnection("read the summary schedule of channel " + channelId, connection -> {
            try (PreparedStatement select = connection.prepareStatement(ONE_SCHEDULE)) {
                bindChannel(select, 1, workspace, channelId);
                List<Schedule> found = schedules(select);
                return found.stream().findFirst();
            }
        });
    }

    @Override
    public boolean deleteSchedule(Workspace workspace, String channelId) {
        return database.inTransaction("remove the summary schedule of channel " + channelId, connection -> {
            try (PreparedStatement delete = connection.prepareStatement(DELETE_SCHEDULE)) {
                bindChannel(delete, 1, workspace, channelId);
                return delete.executeUpdate() == 1;
            }
        });
    }

    @Override
    public List<Schedule> schedules() {
        return database.withConnection("read the summary schedules", connection -> {
            try (PreparedStatement select = connection.prepareStatement(ALL_SCHEDULES)) {
                return schedules(select);
            }
        });
    }

    private List<Schedule> schedules(PreparedStatement select) throws SQLException {
        List<Schedule> schedules = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                schedules.add(new Schedule(
                        new Workspace(Platform.valueOf(rows.getString(1)), rows.getString(2)),
                        rows.getString(3),
                        DayOfWeek.of(rows.getInt(4)),
                        LocalTime.parse(rows.getString(5)),
                        ZoneId.of(rows.getString(6)),
                        dialect.time(rows, 7)));
            }
        }
        return schedules;
    }

    @Override
    public boolean claimRun(Schedule schedule, LocalDate period, Instant now, Duration lease) {
        return database.inTransaction(
                "claim the summary of " + period + " in channel " + schedule.channelId(), connection -> {
                    try (PreparedStatement claim = connection.prepareStatement(CLAIM)) {
                        int next = bindChannel(claim, 1, schedule.workspace(), schedule.channelId());
                        dialect.setDate(claim, next, period);
                        dialect.setTime(claim, next + 1, now);
                        dialect.setTime(claim, next + 2, now.minus(lease));
                        return claim.executeUpdate() == 1;
                    }
                });
    }

    @Override
    public void markPosted(Schedule schedule, LocalDate period, Instant postedAt) {
        database.inTransaction("mark the summary of " + period + " posted", connection -> {
            try (PreparedStatement update = connection.prepareStatement(POSTED)) {
                dialect.setTime(update, 1, postedAt);
                int next = bindChannel(update, 2, schedule.workspace(), schedule.channelId());
                dialect.setDate(update, next, period);
                return update.executeUpdate();
            }
        });
    }

    @Override
    public void saveSnapshot(Snapshot snapshot) {
        database.inTransaction("save a summary snapshot of poll " + snapshot.pollId(), connection -> {
            Instant takenAt = snapshot.takenAt();
            try (PreparedStatement insert = connection.prepareStatement(INSERT_SNAPSHOT)) {
                insert.setLong(1, snapshot.pollId());
                dialect.setTime(insert, 2, takenAt);
                insert.setInt(3, snapshot.voters());
                insert.executeUpdate();
            }
            insertRanks(connection, snapshot, takenAt);
            insertCells(connection, snapshot, takenAt);
            return null;
        });
    }

    private void insertRanks(Connection connection, Snapshot snapshot, Instant takenAt) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT_RANK)) {
            for (Map.Entry<String, Integer> rank : snapshot.ranks().entrySet()) {
                insert.setLong(1, snapshot.pollId());
                dialect.setTime(insert, 2, takenAt);
                insert.setString(3, rank.getKey());
                insert.setInt(4, rank.getValue());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private void insertCells(Connection connection, Snapshot snapshot, Instant takenAt) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT_CELL)) {
            for (Map.Entry<CellKey, String> cell : snapshot.labels().entrySet()) {
                insert.setLong(1, snapshot.pollId());
                dialect.setTime(insert, 2, takenAt);
                insert.setString(3, cell.getKey().field());
                insert.setString(4, cell.getKey().factor());
                insert.setString(5, cell.getValue());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    @Override
    public List<PollChange> changesSince(long pollId, Instant after) {
        return database.withConnection(
                "read the changes of poll " + pollId,
                connection -> new LifecycleTables(dialect).changesSince(connection, pollId, after));
    }

    @Override
    public Optional<Snapshot> latestSnapshot(long pollId, Instant before) {
        return database.withConnection("read the last summary snapshot of poll " + pollId, connection -> {
            try (PreparedStatement select = connection.prepareStatement(LATEST_SNAPSHOT)) {
                select.setLong(1, pollId);
                dialect.setTime(select, 2, before);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    Instant takenAt = dialect.time(row, 1);
                    return Optional.of(new Snapshot(
                            pollId,
                            takenAt,
                            row.getInt(2),
                            ranks(connection, pollId, takenAt),
                            labels(connection, pollId, takenAt)));
                }
            }
        });
    }

    private Map<String, Integer> ranks(Connection connection, long pollId, Instant takenAt) throws SQLException {
        Map<String, Integer> ranks = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(SNAPSHOT_RANKS)) {
            select.setLong(1, pollId);
            dialect.setTime(select, 2, takenAt);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ranks.put(rows.getString(1), rows.getInt(2));
                }
            }
        }
        return ranks;
    }

    private Map<CellKey, String> labels(Connection connection, long pollId, Instant takenAt) throws SQLException {
        Map<CellKey, String> labels = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(SNAPSHOT_CELLS)) {
            select.setLong(1, pollId);
            dialect.setTime(select, 2, takenAt);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    labels.put(new CellKey(rows.getString(1), rows.getString(2)), rows.getString(3));
                }
            }
        }
        return labels;
    }

    private static int bindChannel(PreparedStatement statement, int first, Workspace workspace, String channelId)
            throws SQLException {
        statement.setString(first, workspace.platform().name());
        statement.setString(first + 1, workspace.id());
        statement.setString(first + 2, channelId);
        return first + 3;
    }

    @Override
    public Set<String> deliveredParts(SummaryKey key, Instant since) {
        return database.withConnection(
                "read the parts delivered of the summary of channel " + key.channelId(),
                connection -> parts.delivered(connection, key, since));
    }

    @Override
    public void partDelivered(SummaryKey key, String part, Instant at) {
        database.inTransaction("record a part of the summary of channel " + key.channelId(), connection -> {
            parts.record(connection, key, part, at);
            return null;
        });
    }

    @Override
    public void forgetParts(SummaryKey key, Instant staleBefore) {
        database.inTransaction("forget the parts of the summary of channel " + key.channelId(), connection -> {
            parts.forget(connection, key, staleBefore);
            return null;
        });
    }
}
