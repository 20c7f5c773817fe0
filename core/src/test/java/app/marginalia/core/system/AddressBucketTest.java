package app.marginalia.core.system;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class AddressBucketTest {

    @Test
    void shouldCountAnIpv4AddressOnItsOwn() {
        assertEquals("203.0.113.7", AddressBucket.of("203.0.113.7"));
        assertNotEquals(AddressBucket.of("203.0.113.7"), AddressBucket.of("203.0.113.8"));
    }

    @Test
    void shouldCountIpv6AddressesOfOneSubscriberNetworkTogether() {
        assertEquals(AddressBucket.of("2001:db8:1:2::1"), AddressBucket.of("2001:db8:1:2:ffff:ffff:ffff:ffff"));
        assertEquals("2001:db8:1:2:0:0:0:0/64", AddressBucket.of("[2001:db8:1:2::1]"));
        assertNotEquals(AddressBucket.of("2001:db8:1:2::1"), AddressBucket.of("2001:db8:1:3::1"));
    }

    @Test
    void shouldLeaveAnythingElseAsItIsWithoutLookingItUp() {
        assertEquals("unknown", AddressBucket.of(null));
        assertEquals("unknown", AddressBucket.of(" "));
        assertEquals("proxy.example", AddressBucket.of("proxy.example"));
        assertEquals("zz:not:ipv6", AddressBucket.of("zz:not:ipv6"));
    }
}
