package org.eventregistry.webhook;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The server-side request forgery checks, with a resolver the test controls (DNS answers that change, rebinding). */
class TargetGuardTest {

    private final Map<String, String> dns = new ConcurrentHashMap<>();
    private final TargetGuard strict = new TargetGuard(false, this::resolve);
    private final TargetGuard lenient = new TargetGuard(true, this::resolve);

    private InetAddress[] resolve(String host) throws UnknownHostException {
        String answer = dns.get(host);
        if (answer == null) {
            return InetAddress.getAllByName(host.matches("[0-9.]+|.*:.*") ? host : "unresolvable.invalid");
        }
        return new InetAddress[]{InetAddress.getByName(answer)};
    }

    @Test
    void aNameThatResolvesToAPrivateAddressIsRefused() {
        dns.put("intranet.partner.example", "10.1.2.3");
        TargetGuard.Refused refused = assertThrows(TargetGuard.Refused.class, () -> strict.checkWritten("https://intranet.partner.example/hook"));
        assertTrue(refused.getMessage().contains("resolves to a private address"), refused.getMessage());
    }

    @Test
    void deliveryChecksTheAddressAgainAfterTheNameMovedOntoLoopback() throws Exception {
        dns.put("hooks.partner.example", "93.184.216.34");
        assertDoesNotThrow(() -> strict.checkWritten("https://hooks.partner.example/hook"));
        dns.put("hooks.partner.example", "127.0.0.1");
        URI uri = strict.parse("https://hooks.partner.example/hook");
        TargetGuard.Refused refused = assertThrows(TargetGuard.Refused.class, () -> strict.checkForDelivery(uri));
        assertTrue(refused.getMessage().contains("loopback"), refused.getMessage());
    }

    @Test
    void cloudMetadataIsRefusedEvenWhenPrivateTargetsAreAllowed() {
        dns.put("metadata.partner.example", "169.254.169.254");
        assertThrows(TargetGuard.Refused.class, () -> lenient.checkWritten("http://169.254.169.254/latest/meta-data/"));
        assertThrows(TargetGuard.Refused.class, () -> lenient.checkWritten("https://[fd00:ec2::254]/"));
        assertThrows(TargetGuard.Refused.class, () -> lenient.checkWritten("https://metadata.partner.example/"));
        assertDoesNotThrow(() -> lenient.checkWritten("http://127.0.0.1:8080/hook"));
    }

    @Test
    void addressesHiddenInIpv6FormsAreRefused() {
        assertThrows(TargetGuard.Refused.class, () -> strict.checkWritten("https://[64:ff9b::a00:1]/hook"));
        assertThrows(TargetGuard.Refused.class, () -> strict.checkWritten("https://[::ffff:10.0.0.1]/hook"));
    }

    @Test
    void onlyHttpsWithoutCredentialsIsAccepted() {
        assertThrows(TargetGuard.Refused.class, () -> strict.parse("http://hooks.partner.example/hook"));
        assertThrows(TargetGuard.Refused.class, () -> strict.parse("ftp://hooks.partner.example/hook"));
        assertThrows(TargetGuard.Refused.class, () -> strict.parse("https://user:secret@hooks.partner.example/hook"));
        assertThrows(TargetGuard.Refused.class, () -> strict.parse("https:///hook"));
        assertDoesNotThrow(() -> strict.checkWritten("https://hooks.partner.example/hook"), "a name that does not resolve yet");
    }
}
