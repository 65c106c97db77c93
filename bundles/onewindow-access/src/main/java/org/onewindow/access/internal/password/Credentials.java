package org.onewindow.access.internal.password;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.onewindow.db.Jdbc;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The life of each account's password ({@code ACCESS_ACCOUNT}: when it was set, by whom, whether its
 * owner must change it) and the bcrypt hashes of its last passwords ({@code ACCESS_PASSWORD_HISTORY}).
 * The password itself lives in the realm's store.
 */
public final class Credentials {
    private static final BCryptPasswordEncoder BCRYPT = new BCryptPasswordEncoder();
    private final DataSource dataSource;

    /** An account's password, as far as its age and its owner's duty go. */
    public record Account(String user, Instant passwordSetAt, String setBy, boolean mustChange) {
    }

    public Credentials(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The account's row; one made now (set now, by nobody known, no change required) for an account that
     * predates this table or was written into {@code users.properties} by hand or by script.
     */
    public Account account(String user, Instant now) {
        return Jdbc.tx(dataSource, c -> {
            Account a = read(c, user);
            if (a != null) {
                return a;
            }
            Jdbc.update(c, "INSERT INTO ACCESS_ACCOUNT (USER_NAME, PASSWORD_SET_AT, PASSWORD_SET_BY, MUST_CHANGE) VALUES (?, ?, ?, 0)",
                    user, now, "(before OneWindow access)");
            return new Account(user, now, "(before OneWindow access)", false);
        });
    }

    /** Whether {@code password} is one of the account's last {@code last} passwords. */
    public boolean reused(String user, String password, int last) {
        if (last <= 0) {
            return false;
        }
        List<String> hashes = Jdbc.tx(dataSource, c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT HASH FROM ACCESS_PASSWORD_HISTORY WHERE USER_NAME = ? ORDER BY ID DESC")) {
                s.setString(1, user);
                s.setMaxRows(last);
                List<String> out = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
                return out;
            }
        });
        return hashes.stream().anyMatch(h -> BCRYPT.matches(password, h));
    }

    /** Records a new password: set now by {@code by}, to be changed by its owner if {@code mustChange}; keeps {@code keep} in history. */
    public void passwordSet(String user, String password, String by, boolean mustChange, Instant now, int keep) {
        String hash = BCRYPT.encode(password);
        Jdbc.tx(dataSource, c -> {
            if (Jdbc.update(c, "UPDATE ACCESS_ACCOUNT SET PASSWORD_SET_AT = ?, PASSWORD_SET_BY = ?, MUST_CHANGE = ? WHERE USER_NAME = ?",
                    now, by, mustChange ? 1 : 0, user) == 0) {
                Jdbc.update(c, "INSERT INTO ACCESS_ACCOUNT (USER_NAME, PASSWORD_SET_AT, PASSWORD_SET_BY, MUST_CHANGE) VALUES (?, ?, ?, ?)",
                        user, now, by, mustChange ? 1 : 0);
            }
            Jdbc.update(c, "INSERT INTO ACCESS_PASSWORD_HISTORY (USER_NAME, HASH, SET_AT) VALUES (?, ?, ?)", user, hash, now);
            trim(c, user, Math.max(1, keep));
            return null;
        });
    }

    /** Forgets an account deleted from the realm. */
    public void delete(String user) {
        Jdbc.tx(dataSource, c -> {
            Jdbc.update(c, "DELETE FROM ACCESS_PASSWORD_HISTORY WHERE USER_NAME = ?", user);
            return Jdbc.update(c, "DELETE FROM ACCESS_ACCOUNT WHERE USER_NAME = ?", user);
        });
    }

    private static void trim(Connection c, String user, int keep) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT ID FROM ACCESS_PASSWORD_HISTORY WHERE USER_NAME = ? ORDER BY ID DESC")) {
            s.setString(1, user);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        for (Long id : ids.subList(Math.min(keep, ids.size()), ids.size())) {
            Jdbc.update(c, "DELETE FROM ACCESS_PASSWORD_HISTORY WHERE ID = ?", id);
        }
    }

    private static Account read(Connection c, String user) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT PASSWORD_SET_AT, PASSWORD_SET_BY, MUST_CHANGE FROM ACCESS_ACCOUNT WHERE USER_NAME = ?")) {
            s.setString(1, user);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? new Account(user, rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getInt(3) == 1) : null;
            }
        }
    }
}
