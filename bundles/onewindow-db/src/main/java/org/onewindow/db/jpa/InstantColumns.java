package org.onewindow.db.jpa;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import javax.persistence.AttributeConverter;
import javax.persistence.Converter;

/**
 * An {@link Instant} entity field in a {@code TIMESTAMP} column. JPA 2.2 maps {@code LocalDate} and
 * {@code LocalDateTime} but not {@code Instant}; through {@link Timestamp} the column holds the same value a
 * {@code java.util.Date} field wrote, so the schema and the data stay as they were. A persistence unit lists
 * this class beside its entities and every {@code Instant} field of them is converted.
 */
@Converter(autoApply = true)
public class InstantColumns implements AttributeConverter<Instant, Timestamp> {

    /**
     * Now, to the millisecond: what {@code new Date()} gave. {@code Instant.now()} has microseconds here, which
     * would change the times the API writes out and make a time read back from a record differ from one
     * replicated as text.
     */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    /** A time as a column keeps it: to the millisecond, as {@code Date.from} cut it. */
    public static Instant kept(Instant time) {
        return time == null ? null : time.truncatedTo(ChronoUnit.MILLIS);
    }

    @Override
    public Timestamp convertToDatabaseColumn(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    @Override
    public Instant convertToEntityAttribute(Timestamp column) {
        return column == null ? null : column.toInstant();
    }
}
