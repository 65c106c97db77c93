package org.onewindow.metrics.internal;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Figures read from the database at scrape time, one cheap query a group. A table that is not there (its capability
 * was never installed on this node) leaves the group's figures out, logged once.
 */
abstract class DatabaseFigures {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseFigures.class);
    private volatile boolean missingLogged;

    /** Reads the figures anew (the caller keeps them for a few seconds). */
    final void refresh(DataSource dataSource) {
        if (dataSource == null) {
            absent();
            return;
        }
        // not set read-only: the connection goes back to the pool for the next writer, and Derby refuses to make a connection
        // read-write again on a database it booted read-only (a full disk), which would fail the next writer's borrowing
        try (Connection c = dataSource.getConnection()) {
            read(c);
            missingLogged = false;
        } catch (SQLException e) {
            absent();
            if (!missingLogged) {
                missingLogged = true;
                // 42X05: the table does not exist here (its capability is not installed on this node's role)
                if ("42X05".equals(e.getSQLState()) || "42P01".equals(e.getSQLState())) {
                    LOG.debug("{}: not on this node ({})", getClass().getSimpleName(), e.getMessage());
                } else {
                    LOG.warn("{} could not be read: {}", getClass().getSimpleName(), e.toString());
                }
            }
        }
    }

    abstract void read(Connection c) throws SQLException;

    /** The figures as "none": the group's labelled series go, plain numbers stay at their last value. */
    abstract void absent();
}
