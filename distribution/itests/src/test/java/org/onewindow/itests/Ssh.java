package org.onewindow.itests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;

import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.auth.password.UserAuthPasswordFactory;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;

/** The appliance's shell over SSH on this machine, as district IT reaches it (Apache MINA SSHD's client, as Karaf's bin/client). */
final class Ssh {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private final int port;

    Ssh(int port) {
        this.port = port;
    }

    /** Whether {@code user} logs in with {@code password} (one password try per connection). */
    boolean authenticates(String user, String password) throws IOException {
        try (SshClient client = client(); ClientSession session = connect(client, user)) {
            session.addPasswordIdentity(password);
            try {
                session.auth().verify(WAIT);
                return true;
            } catch (IOException refused) {
                return false;
            }
        }
    }

    /** What {@code command} printed, run by {@code user}. */
    String run(String user, String password, String command) throws IOException {
        try (SshClient client = client(); ClientSession session = connect(client, user)) {
            session.addPasswordIdentity(password);
            session.auth().verify(WAIT);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ChannelExec exec = session.createExecChannel(command)) {
                exec.setOut(out);
                exec.setErr(out);
                exec.open().verify(WAIT);
                exec.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), WAIT);
            }
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    /** The addresses something listens on at {@code port}, from the kernel's own tables (IPv4 and IPv6). */
    static List<InetAddress> listening(int port) throws IOException {
        List<InetAddress> out = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path file = Path.of(table);
            if (!Files.exists(file)) {
                continue;
            }
            for (String line : Files.readAllLines(file)) {
                String[] f = line.trim().split("\\s+");
                if (f.length < 4 || !f[1].contains(":") || !"0A".equals(f[3])) {
                    continue; // the header, or not LISTEN
                }
                String[] local = f[1].split(":");
                if (Integer.parseInt(local[1], 16) == port) {
                    out.add(address(local[0]));
                }
            }
        }
        return out;
    }

    /** The kernel writes an address as 32-bit words in host (little-endian) order. */
    private static InetAddress address(String hex) throws IOException {
        byte[] raw = HexFormat.of().parseHex(hex);
        byte[] bytes = new byte[raw.length];
        for (int word = 0; word < raw.length; word += 4) {
            for (int i = 0; i < 4; i++) {
                bytes[word + i] = raw[word + 3 - i];
            }
        }
        return InetAddress.getByAddress(bytes);
    }

    private SshClient client() {
        SshClient client = SshClient.setUpDefaultClient();
        client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
        client.setUserAuthFactories(List.of(UserAuthPasswordFactory.INSTANCE));
        client.start();
        return client;
    }

    private ClientSession connect(SshClient client, String user) throws IOException {
        return client.connect(user, "127.0.0.1", port).verify(WAIT).getSession();
    }
}
