package org.onewindow.queue.internal.floor;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.onewindow.db.DbFailures;
import org.onewindow.db.Jdbc;
import org.onewindow.queue.CallDTO;
import org.onewindow.queue.HallBoardDTO;
import org.onewindow.queue.QueueGroupDTO;
import org.onewindow.queue.WindowState;

/**
 * The hall screen's board (calls, windows, waiting counts) and its long poll. The screens woken by one change ask for
 * the same board: it is read once per version (and day and number of calls), not once per screen.
 */
public final class HallBoard {
    private static final int ATTEMPTS = 5;
    private final DataSource dataSource;
    private final Supplier<List<QueueGroupDTO>> groups;
    private final BoardSignal signal = new BoardSignal();
    private volatile Read last;

    /** A board as read, for the number of calls and the day it was read for. */
    private record Read(HallBoardDTO board, int calls, LocalDate day) {
    }

    public HallBoard(DataSource dataSource, Supplier<List<QueueGroupDTO>> groups) {
        this.dataSource = dataSource;
        this.groups = groups;
    }

    /** Something the board shows changed: the waiting screens read it again. */
    public void changed() {
        signal.changed();
    }

    /** Lets every waiting screen go (the capability is stopping). */
    public void close() {
        signal.close();
    }

    public HallBoardDTO after(long version, int calls, LocalDate today, long waitMillis) throws InterruptedException {
        signal.await(version, Math.max(0, Math.min(waitMillis, 60_000)));
        return now(calls, today);
    }

    public HallBoardDTO now(int calls, LocalDate today) {
        long version = signal.version();
        Read read = last;
        if (read != null && read.board().version() == version && read.calls() == calls && read.day().equals(today)) {
            return read.board();
        }
        HallBoardDTO board = read(version, today, calls);
        last = new Read(board, calls, today);
        return board;
    }

    private HallBoardDTO read(long version, LocalDate today, int shown) {
        List<QueueGroupDTO> lanes = groups.get();
        return DbFailures.retryTransient(ATTEMPTS, () -> Jdbc.tx(dataSource, c -> {
            List<CallDTO> latest = new ArrayList<>();
            for (Object[] r : TicketStore.latestCalls(c, today, shown)) {
                latest.add(new CallDTO((Long) r[0], (String) r[1], (Integer) r[2], r[3].toString()));
            }
            List<HallBoardDTO.WindowNowDTO> open = new ArrayList<>();
            for (HallStore.WindowRow w : HallStore.windows(c)) {
                if (w.state() != WindowState.CLOSED) {
                    open.add(new HallBoardDTO.WindowNowDTO(w.no(), w.state(), WindowCalls.window(c, w.no()).currentNumber()));
                }
            }
            Map<String, Integer> waiting = TicketStore.waitingByGroup(c, today);
            List<HallBoardDTO.GroupWaitDTO> counts = lanes.stream()
                    .map(g -> new HallBoardDTO.GroupWaitDTO(g.code(), g.prefix(), g.name(), waiting.getOrDefault(g.code(), 0))).toList();
            return new HallBoardDTO(version, latest.isEmpty() ? 0 : latest.get(0).seq(), latest, open, counts);
        }));
    }
}
