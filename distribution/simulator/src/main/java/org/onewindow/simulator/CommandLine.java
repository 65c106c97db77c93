package org.onewindow.simulator;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/** What the simulators' {@code main} methods share: their flags, and running until the process is stopped. */
final class CommandLine {
    private CommandLine() {
    }

    /** {@code --name value}, {@code --name=value} or a lone boolean {@code --name}; kebab-case names become camelCase. */
    static Map<String, String> options(String[] args) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if ("-h".equals(a) || "--help".equals(a)) {
                out.put("help", "true");
                continue;
            }
            if (!a.startsWith("--") || a.length() == 2) {
                throw new IllegalArgumentException("unexpected argument '" + a + "'");
            }
            String name = a.substring(2);
            String value;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                value = args[++i];
            } else {
                value = "true";
            }
            out.put(camel(name), value);
        }
        return out;
    }

    private static String camel(String name) {
        StringBuilder b = new StringBuilder();
        boolean up = false;
        for (char c : name.toCharArray()) {
            if (c == '-') {
                up = true;
            } else {
                b.append(up ? Character.toUpperCase(c) : c);
                up = false;
            }
        }
        return b.toString();
    }

    /**
     * Keeps a started simulator running until the process is stopped (SIGTERM, Ctrl-C), then runs {@code close};
     * with {@code --exit-with-parent}, also ends the process when the one that started it ends.
     */
    static void serveUntilStopped(Runnable close, Map<String, String> options) throws InterruptedException {
        if (Boolean.parseBoolean(options.getOrDefault("exitWithParent", "false"))) {
            // started by a test or benchmark process: never outlive it and keep its ports
            ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> System.exit(0)));
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            close.run();
            stopped.countDown();
        }, "simulator-shutdown"));
        stopped.await();
    }
}
