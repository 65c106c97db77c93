package org.onewindow.simulator;

import java.io.IOException;
import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The department simulator's command line: its flags, the switches' starting values, and its usage. */
final class DepartmentCommandLine {
    private DepartmentCommandLine() {
    }

    /** Starts a simulator as the flags say and keeps it running until the process is stopped. */
    static void run(String[] args) throws Exception {
        Map<String, String> options;
        try {
            options = CommandLine.options(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(usage());
            System.exit(2);
            return;
        }
        if (options.containsKey("help")) {
            System.out.println(usage());
            return;
        }
        DepartmentSimulator simulator;
        try {
            int port = Integer.parseInt(options.getOrDefault("port", "9500"));
            int adminPort = Integer.parseInt(options.getOrDefault("adminPort", String.valueOf(port + 1)));
            String secret = options.get("secret");
            if (secret == null) {
                throw new IllegalArgumentException("--secret is required");
            }
            String department = options.getOrDefault("department", "GA");
            InetAddress bind = options.containsKey("bind") ? InetAddress.getByName(options.get("bind")) : null;
            Switches switches = new Switches();
            Map<String, Object> initial = new LinkedHashMap<>();
            for (Map.Entry<String, String> o : options.entrySet()) {
                if (!List.of("port", "adminPort", "secret", "department", "bind", "exitWithParent", "tlsKeystore", "tlsPassword", "tlsClientCert")
                        .contains(o.getKey())) {
                    initial.put(o.getKey(), o.getValue());
                }
            }
            switches.apply(initial);
            TlsOption.configure(options);
            simulator = new DepartmentSimulator(port, adminPort, secret, department, switches, bind, System.out);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            System.err.println(e.getMessage());
            System.err.println(usage());
            System.exit(2);
            return;
        }
        try {
            simulator.start();
        } catch (IOException e) {
            System.err.println("department simulator did not start: " + e.getMessage());
            simulator.close();
            System.exit(1);
            return;
        }
        CommandLine.serveUntilStopped(simulator::close, options);
    }

    private static String usage() {
        return "usage: java -jar onewindow-department-simulator.jar --port 9500 --admin-port 9501 --secret SECRET"
                + " --department GA [--bind ADDRESS] [--exit-with-parent]\n"
                + "  switches (also at run time: POST /admin/config on the admin port):\n"
                + "  --latency-ms N  --error-rate 0..1  --down [true|false]  --duplicate-callbacks [true|false]\n"
                + "  --decision APPROVED|DENIED|SUPPLEMENT  --decision-delay-ms N  --auto-decide true|false\n"
                + "  --supplement-materials M01,M02  --callback-attempts N  --callback-backoff-ms N\n" + TlsOption.usage();
    }
}
