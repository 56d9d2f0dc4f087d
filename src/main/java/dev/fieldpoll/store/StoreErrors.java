package dev.fieldpoll.store;

import dev.fieldpoll.poll.StoreException;
import java.sql.SQLException;

/** Turns one database's failures into messages a person running fieldpoll can act on. */
interface StoreErrors {

    /** @param action what fieldpoll was doing, e.g. "save answers in poll 3" */
    StoreException translate(SQLException failure, String action);

    /**
     * Whether the failure would meet any transaction now, not just this one's writes: a lock held for
     * longer than fieldpoll waits, a server out of reach. The writes of a shared transaction then fail
     * together, rather than each waiting as long again on its own.
     */
    boolean failsEveryWrite(SQLException failure);
}
