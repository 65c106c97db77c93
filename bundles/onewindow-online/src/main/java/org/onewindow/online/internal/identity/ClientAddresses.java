package org.onewindow.online.internal.identity;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** Client addresses as a citizen's sign-in record keeps them: enough to tell places apart, not to find a household. */
final class ClientAddresses {
    private ClientAddresses() {
    }

    /** IPv4 without its last number ({@code 203.0.113.*}), IPv6 with its first three groups ({@code 2001:db8:85a3:*}), else {@code *}. */
    static String mask(String address) {
        String a = address == null ? "" : address.strip();
        if (a.matches("\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}")) {
            return a.substring(0, a.lastIndexOf('.')) + ".*";
        }
        String literal = a.replace("[", "").replace("]", "");
        int zone = literal.indexOf('%');
        literal = zone < 0 ? literal : literal.substring(0, zone);
        // only a literal with a colon and hex digits: InetAddress must never be asked to look a name up
        if (!literal.contains(":") || !literal.matches("[0-9a-fA-F:.]+")) {
            return "*";
        }
        try {
            InetAddress ip = InetAddress.getByName(literal);
            if (!(ip instanceof Inet6Address)) {
                return mask(ip.getHostAddress());
            }
            byte[] b = ip.getAddress();
            return String.format("%x:%x:%x:*", (b[0] & 0xff) << 8 | b[1] & 0xff, (b[2] & 0xff) << 8 | b[3] & 0xff, (b[4] & 0xff) << 8 | b[5] & 0xff);
        } catch (UnknownHostException e) {
            return "*";
        }
    }
}
