package dev.fieldpoll.store;

import dev.fieldpoll.poll.CellKey;
import dev.fieldpoll.poll.Factor;
import dev.fieldpoll.poll.Field;
import dev.fieldpoll.poll.PollDefinition;
import dev.fieldpoll.poll.Scale;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * SQL of what a poll asks: its fields, factors and reference scores, copied in at creation. A field
 * removed by an edit keeps its row (and its reference scores) but is not read.
 */
final class DefinitionTables {

    private static final String INSERT_FIELD =
            "INSERT INTO poll_field (poll_id, position, field_key, name, description) VALUES (?, ?, ?, ?, ?)";
    private static final String INSERT_FACTOR = "INSERT INTO poll_factor (poll_id, position, factor_key, name, "
            + "question, low_label, high_label, weight) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_REFERENCE =
            "INSERT INTO poll_reference (poll_id, field_key, factor_key, score) VALUES (?, ?, ?, ?)";
    private static final String SELECT_FIELDS =
            "SELECT field_key, name, description FROM poll_field WHERE poll_id = ? AND removed_at IS NULL ORDER BY position";
    private static final String SELECT_FACTORS = "SELECT factor_key, name, question, low_label, high_label, weight "
            + "FROM poll_factor WHERE poll_id = ? ORDER BY position";
    private static final String SELECT_REFERENCE =
            "SELECT field_key, factor_key, score FROM poll_reference WHERE poll_id = ? AND field_key NOT IN "
                    + VoteTable.REMOVED_FIELDS;

    void insert(Connection connection, long pollId, PollDefinition definition) throws SQLException {
        insertFields(connection, pollId, definition.fields());
        insertFactors(connection, pollId, definition.factors());
        insertReference(connection, pollId, definition.reference());
    }

    PollDefinition load(Connection connection, long pollId, Scale scale, String higher) throws SQLException {
        return new PollDefinition(
                scale, fields(connection, pollId), factors(connection, pollId), reference(connection, pollId), higher);
    }

    private void insertFields(Connection connection, long pollId, List<Field> fields) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT_FIELD)) {
            for (int position = 0; position < fields.size(); position++) {
                Field field = fields.get(position);
                insert.setLong(1, pollId);
                insert.setInt(2, position);
                insert.setString(3, field.key());
                insert.setString(4, field.name());
                insert.setString(5, field.description());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private void insertFactors(Connection connection, long pollId, List<Factor> factors) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT_FACTOR)) {
            for (int position = 0; position < factors.size(); position++) {
                Factor factor = factors.get(position);
                insert.setLong(1, pollId);
                insert.setInt(2, position);
                insert.setString(3, factor.key());
                insert.setString(4, factor.name());
                insert.setString(5, factor.question());
                insert.setString(6, factor.lowLabel());
                insert.setString(7, factor.highLabel());
                insert.setDouble(8, factor.weight());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private void insertReference(Connection connection, long pollId, Map<CellKey, Double> reference)
            throws SQLException {
        if (reference.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT_REFERENCE)) {
            for (Map.Entry<CellKey, Double> score : reference.entrySet()) {
                insert.setLong(1, pollId);
                insert.setString(2, score.getKey().field());
                insert.setString(3, score.getKey().factor());
                insert.setDouble(4, score.getValue());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private List<Field> fields(Connection connection, long pollId) throws SQLException {
        List<Field> fields = new ArrayList<>();
        try (PreparedStatement select = prepare(connection, SELECT_FIELDS, pollId);
                ResultSet row = select.executeQuery()) {
            while (row.next()) {
                fields.add(new Field(row.getString("field_key"), row.getString("name"), row.getString("description")));
            }
        }
        return fields;
    }

    private List<Factor> factors(Connection connection, long pollId) throws SQLException {
        List<Factor> factors = new ArrayList<>();
        try (PreparedStatement select = prepare(connection, SELECT_FACTORS, pollId);
                ResultSet row = select.executeQuery()) {
            while (row.next()) {
                factors.add(new Factor(
                        row.getString("factor_key"),
                        row.getString("name"),
                        row.getString("question"),
                        row.getString("low_label"),
                        row.getString("high_label"),
                        row.getDouble("weight")));
            }
        }
        return factors;
    }

    private Map<CellKey, Double> reference(Connection connection, long pollId) throws SQLException {
        Map<CellKey, Double> reference = new HashMap<>();
        try (PreparedStatement select = prepare(connection, SELECT_REFERENCE, pollId);
                ResultSet row = select.executeQuery()) {
            while (row.next()) {
                reference.put(
                        new CellKey(row.getString("field_key"), row.getString("factor_key")), row.getDouble("score"));
            }
        }
        return reference;
    }

    private static PreparedStatement prepare(Connection connection, String sql, long pollId) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            statement.setLong(1, pollId);
            if (sql.contains(VoteTable.REMOVED_FIELDS)) {
                statement.setLong(2, pollId);
            }
            return statement;
        } catch (SQLException e) {
            statement.close();
            throw e;
        }
    }
}
