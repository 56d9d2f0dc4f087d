package dev.fieldpoll.store;

import java.sql.Connection;
import java.sql.SQLException;

/** Open connections to one database, lent to one caller at a time. */
interface Connections extends AutoCloseable {

    /** A connection for the caller alone until {@link #giveBack}; fails when none comes free in time. */
    Connection borrow() throws SQLException;

    void giveBack(Connection connection);

    /**
     * Swaps a borrowed connection that a failure left unusable for a new one, which the caller then
     * holds (and gives back) instead; when no new one can be had yet, the old one is returned.
     */
    Connection replace(Connection broken);

    /** How many connections there are at most. */
    int size();

    @Override
    void close();
}
