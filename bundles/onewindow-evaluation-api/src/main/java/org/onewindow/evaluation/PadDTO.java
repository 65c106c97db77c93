package org.onewindow.evaluation;

/**
 * A rating pad (评价器) as administrators see it: the pairing code it shows, whether it is bound to a window (and to which,
 * by whom), when it last asked for work. A pad not bound within its pairing time is forgotten.
 */
public record PadDTO(long id, String pairingCode, boolean bound, Integer windowNo, String client, String createdAt, String boundAt,
        String boundBy, String lastSeenAt) {
}
