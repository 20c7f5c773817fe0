package app.marginalia.core.system;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * The unit per-address limits count by. An IPv4 address is one bucket; an IPv6 address counts
 * by its /64 network, because one subscriber usually holds a whole /64 and could otherwise
 * rotate through billions of addresses to escape any per-address limit.
 */
public final class AddressBucket {

    /** Only characters of an IPv6 literal, so parsing never turns into a DNS lookup. */
    private static final Pattern IPV6_LITERAL = Pattern.compile("\\[?[0-9A-Fa-f:.]+]?");

    private AddressBucket() {
    }

    public static String of(String address) {
        if (address == null || address.isBlank()) {
            return "unknown";
        }
        if (address.indexOf(':') < 0 || !IPV6_LITERAL.matcher(address).matches()) {
            return address;
        }
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress();
            if (bytes.length != 16) {
                return InetAddress.getByAddress(bytes).getHostAddress();
            }
            Arrays.fill(bytes, 8, 16, (byte) 0);
            return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
        } catch (UnknownHostException e) {
            return address;
        }
    }
}
