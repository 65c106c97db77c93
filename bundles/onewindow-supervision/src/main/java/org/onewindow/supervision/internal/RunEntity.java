package org.onewindow.supervision.internal;

import java.time.Instant;
import java.util.List;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

import org.onewindow.supervision.RunDTO;

/** A supervision run, kept so the board can say how fresh its cards are. */
@Entity
@Table(name = "SUPERVISION_RUN")
public class RunEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "STARTED_AT")
    Instant startedAt;

    @Column(name = "CLOCK_AT")
    Instant clockAt;

    long millis;

    @Column(name = "OPEN_CASES")
    int openCases;

    int yellow;

    int red;

    int changed;

    /** Joined by newlines. */
    String warnings;

    RunDTO toDTO() {
        RunDTO dto = new RunDTO();
        dto.startedAt = startedAt.toString();
        dto.clockAt = clockAt.toString();
        dto.millis = millis;
        dto.openCases = openCases;
        dto.yellow = yellow;
        dto.red = red;
        dto.changed = changed;
        dto.warnings = warnings == null ? List.of() : List.of(warnings.split("\n"));
        return dto;
    }
}
