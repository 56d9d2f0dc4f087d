package dev.fieldpoll.store;

import java.sql.Connection;
import java.sql.SQLException;

/** Work done on one pooled connection; may throw {@link SQLException}, which the database translates. */
@FunctionalInterface
public interface SqlWork<T> {

    T apply(Connection connection) throws SQLException;
}
