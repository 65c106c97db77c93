package org.onewindow.simulator;

import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

/**
 * A department's own approval system, simulated: takes signed deliveries of accepted cases on
 * {@code POST /cases} (main port), decides each after a delay and posts the signed decision to the
 * case's {@code callbackUrl}. A second port, the admin port, never goes down: it gives the stats and
 * changes the {@link Switches} at run time. See README.md for the protocol.
 *
 * <p>Run: {@code java -jar onewindow-department-simulator-VERSION.jar --port 9500 --admin-port 9501
 * --secret s3cret --department GA [--latency-ms 50 --error-rate 0.1 --down --decision DENIED ...]}.
 * In-process (tests): {@code new DepartmentSimulator(0, 0, secret, "GA").start()}, ports 0 being
 * ephemeral ones, then {@link #port()} and {@link #adminPort()}.
 *
 * <p>This class holds the ports, the threads and the current {@link Run}; {@link DeliveryIntake} serves the main
 * port, {@link Decisions} decides and calls back, {@link AdminPort} serves the admin port and
 * {@link DepartmentCommandLine} reads the command line.
 */
public final class DepartmentSimulator implements AutoCloseable {
    private static final String NODELAY = "sun.net.httpserver.nodelay";
    private static final int MAIN_THREADS = 16;
    private static final int ADMIN_THREADS = 4;

    private final int requestedPort;
    private final int requestedAdminPort;
    private final InetAddress bind;
    private final String department;
    private final Switches switches;
    private final Json json = new Json();
    private final EventLog log;
    private final ExecutorService mainPool = Executors.newFixedThreadPool(MAIN_THREADS, threads("simulator-http"));
    private final ExecutorService adminPool = Executors.newFixedThreadPool(ADMIN_THREADS, threads("simulator-admin"));
    private final ExecutorService callbackPool = Executors.newCachedThreadPool(threads("simulator-callback"));
    private final ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(2, threads("simulator-decisions"));
    private final Decisions decisions;
    private final DeliveryIntake intake;
    private final AdminPort administration;
    private final Object servers = new Object();
    private HttpServer main;
    private HttpServer admin;
    private volatile int port;
    private volatile int adminPort;
    private volatile boolean started;
    private volatile boolean closed;
    private volatile Run run = new Run();

    /** A simulator with the default switches, logging to stdout. Ports 0: ephemeral ones. */
    public DepartmentSimulator(int port, int adminPort, String secret, String department) {
        this(port, adminPort, secret, department, new Switches(), null, System.out);
    }

    /**
     * @param bind the address to listen on, null for all
     * @param out where the event log goes
     */
    public DepartmentSimulator(int port, int adminPort, String secret, String department, Switches switches,
            InetAddress bind, PrintStream out) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("a shared secret is required");
        }
        if (department == null || department.isBlank()) {
            throw new IllegalArgumentException("a department code is required");
        }
        // the JDK server writes headers and body apart: without TCP_NODELAY each answer waits ~40 ms for a delayed ACK
        // (read once, when the first HttpServer of the JVM is made; left alone when set otherwise)
        if (System.getProperty(NODELAY) == null) {
            System.setProperty(NODELAY, "true");
        }
        this.requestedPort = port;
        this.requestedAdminPort = adminPort;
        this.department = department.strip();
        this.switches = switches;
        this.bind = bind;
        this.log = new EventLog(out, this.department);
        scheduler.setRemoveOnCancelPolicy(true);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .executor(callbackPool).build();
        Department simulated = new Department(this.department, secret, switches, log);
        this.decisions = new Decisions(simulated, scheduler, client, this::live);
        Replies replies = new Replies();
        this.intake = new DeliveryIntake(simulated, replies, decisions, () -> run);
        this.administration = new AdminPort(this, log, replies);
    }

    /** Opens the admin port and, unless the switch {@code down} is on, the main port. */
    public DepartmentSimulator start() throws IOException {
        synchronized (servers) {
            if (started || closed) {
                throw new IllegalStateException(closed ? "closed" : "already started");
            }
            HttpServer a = bindServer(requestedAdminPort, 0, false);
            a.createContext("/", administration::handle);
            a.setExecutor(adminPool);
            HttpServer m;
            try {
                m = bindServer(requestedPort, 0, true);
            } catch (IOException e) {
                a.stop(0);
                throw e;
            }
            port = m.getAddress().getPort();
            if (switches.down()) {
                m.stop(0);
            } else {
                openMain(m);
            }
            a.start();
            admin = a;
            adminPort = a.getAddress().getPort();
            started = true;
        }
        log.event("STARTED", "port", port, "adminPort", adminPort, "down", switches.down(), "config", compact(switches.toMap()));
        return this;
    }

    public int port() {
        return port;
    }

    public int adminPort() {
        return adminPort;
    }

    public String department() {
        return department;
    }

    public Switches switches() {
        return switches;
    }

    /** Changes switches (see {@link Switches#apply(Map)}); opens or closes the main port for {@code down}. */
    public Map<String, Object> configure(Map<String, ?> changes) throws IOException {
        synchronized (servers) {
            boolean wasDown = switches.down();
            switches.apply(changes);
            boolean down = switches.down();
            if (started && !closed && down != wasDown) {
                if (down) {
                    closeMain();
                } else {
                    try {
                        openMain(bindServer(port, 10_000, true));
                    } catch (IOException e) {
                        switches.apply(Map.of("down", true));
                        throw e;
                    }
                }
            }
            Map<String, Object> now = switches.toMap();
            log.event("CONFIG", "changed", compact(changes), "config", compact(now));
            return now;
        }
    }

    /** Forgets the cases and the counters; keeps the switches. Decisions not yet sent are dropped. */
    public void reset() {
        Run old = run;
        run = new Run();
        log.event("RESET", "cases", old.byCase.size(), "pendingDropped", old.pending.get());
    }

    /** The counters and, with {@code withCases}, every case held. */
    public Map<String, Object> stats(boolean withCases) {
        return run.stats(withCases);
    }

    /** Decides a held case now (the admin's {@code POST /admin/decide}), whatever autoDecide says. */
    public Map<String, Object> decideNow(String caseNo, String decision, List<String> materials) {
        return decisions.now(run, caseNo, decision, materials);
    }

    @Override
    public void close() {
        synchronized (servers) {
            if (closed) {
                return;
            }
            closed = true;
            if (admin != null) {
                admin.stop(0);
            }
            if (main != null) {
                main.stop(0);
                main = null;
            }
        }
        scheduler.shutdownNow();
        mainPool.shutdownNow();
        adminPool.shutdownNow();
        callbackPool.shutdownNow();
        log.event("STOPPED", "port", port, "adminPort", adminPort);
    }

    /** The run decisions are made for: none once closed, so that late timers and answers change nothing. */
    private Run live() {
        return closed ? null : run;
    }

    // ---------------------------------------------------------------- servers

    private HttpServer bindServer(int onPort, long retryMillis, boolean mainPort) throws IOException {
        InetSocketAddress address = bind == null ? new InetSocketAddress(onPort) : new InetSocketAddress(bind, onPort);
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(retryMillis);
        while (true) {
            try {
                return mainPort ? TlsOption.server(address, 512) : HttpServer.create(address, 512);
            } catch (BindException e) {
                if (onPort == 0 || System.nanoTime() > end) {
                    throw new BindException("cannot listen on port " + onPort + ": " + e.getMessage());
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException stop) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private void openMain(HttpServer m) {
        m.createContext("/", intake::handle);
        m.setExecutor(mainPool);
        m.start();
        main = m;
        if (started) {
            log.event("UP", "port", port);
        }
    }

    private void closeMain() {
        if (main != null) {
            // closes the listening socket and every open connection: connection refused from now on
            main.stop(0);
            main = null;
        }
        log.event("DOWN", "port", port);
    }

    private static ThreadFactory threads(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    private String compact(Object value) {
        return new String(json.bytes(value), StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------- command line

    /** {@code --port 9500 --admin-port 9501 --secret s3cret --department GA [--bind ADDR] [--SWITCH VALUE ...]}. */
    public static void main(String[] args) throws Exception {
        DepartmentCommandLine.run(args);
    }

    /** The flags as {@link CommandLine#options(String[])} reads them. */
    static Map<String, String> options(String[] args) {
        return CommandLine.options(args);
    }
}
