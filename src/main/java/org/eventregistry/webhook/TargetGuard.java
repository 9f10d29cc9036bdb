package org.eventregistry.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Keeps webhook deliveries away from the registry's own network (server-side request forgery): targets must be
 * https on a public address. Loopback, link-local, private, shared (100.64/10), unique-local and unspecified
 * addresses are refused unless private targets are allowed (tests, local development); cloud metadata addresses
 * are refused always. The check runs when a subscription is written and again, after DNS resolution, before
 * every attempt: every address the name resolves to must pass.
 */
final class TargetGuard {

    /** Resolves a host name; {@link InetAddress#getAllByName} outside tests. */
    @FunctionalInterface
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** A target that may not be called, and why. */
    static final class Refused extends Exception {
        Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    private static final List<String> METADATA = List.of("169.254.169.254", "fd00:ec2:0:0:0:0:0:254", "100.100.100.200");

    private final boolean allowPrivate;
    private final Resolver resolver;

    TargetGuard(boolean allowPrivate, Resolver resolver) {
        this.allowPrivate = allowPrivate;
        this.resolver = resolver;
    }

    /** The target as a URI when its form is acceptable (scheme, host, no credentials), else why not. */
    URI parse(String url) throws Refused {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new Refused("is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowPrivate && scheme.equals("http"))) {
            throw new Refused("must be an https URL");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new Refused("must name a host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new Refused("must not carry credentials");
        }
        if (uri.getRawFragment() != null) {
            throw new Refused("must not have a fragment");
        }
        return uri;
    }

    /**
     * Checks a subscription's target when it is written: its form, and the addresses it resolves to now. A name
     * that does not resolve yet is accepted (delivery checks again).
     */
    void checkWritten(String url) throws Refused {
        URI uri = parse(url);
        try {
            check(uri.getHost(), resolve(uri.getHost()));
        } catch (UnknownHostException e) {
            // Not resolvable from here (yet): every delivery resolves and checks it again.
        }
    }

    /** Checks a target before a delivery: the addresses its name resolves to now, all of which must pass. */
    InetAddress[] checkForDelivery(URI uri) throws Refused {
        InetAddress[] addresses;
        try {
            addresses = resolve(uri.getHost());
        } catch (UnknownHostException e) {
            throw new Refused("the host name " + uri.getHost() + " does not resolve");
        }
        check(uri.getHost(), addresses);
        return addresses;
    }

    private InetAddress[] resolve(String host) throws UnknownHostException {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        return resolver.resolve(bare);
    }

    private void check(String host, InetAddress[] addresses) throws Refused {
        if (addresses.length == 0) {
            throw new Refused("the host name " + host + " resolves to no address");
        }
        for (InetAddress address : addresses) {
            Optional<String> why = refusal(address);
            if (why.isPresent()) {
                boolean literal = address.getHostAddress().equalsIgnoreCase(host.replace("[", "").replace("]", ""));
                throw new Refused((literal ? "is " : "resolves to ") + why.get() + " (" + address.getHostAddress() + ")");
            }
        }
    }

    /** Why the registry must not call this address, or empty when it may. */
    Optional<String> refusal(InetAddress address) {
        InetAddress a = embeddedIpv4(address);
        if (METADATA.contains(a.getHostAddress()) || METADATA.contains(address.getHostAddress())) {
            return Optional.of("a cloud metadata address");
        }
        if (a.isAnyLocalAddress()) {
            return Optional.of("an unspecified address");
        }
        if (allowPrivate) {
            return Optional.empty();
        }
        if (a.isLoopbackAddress()) {
            return Optional.of("a loopback address");
        }
        if (a.isLinkLocalAddress()) {
            return Optional.of("a link-local address");
        }
        if (a.isSiteLocalAddress()) {
            return Optional.of("a private address");
        }
        if (a.isMulticastAddress()) {
            return Optional.of("a multicast address");
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            if (first == 0 || first == 100 && second >= 64 && second < 128 || first == 198 && (second == 18 || second == 19)
                    || first >= 240) {
                return Optional.of("a reserved or shared address");
            }
        } else if ((b[0] & 0xfe) == 0xfc) {
            return Optional.of("a unique-local address");
        }
        return Optional.empty();
    }

    /** The IPv4 address inside an IPv4-compatible or NAT64 (64:ff9b::/96) IPv6 address, else the address itself. */
    private static InetAddress embeddedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address v6)) {
            return address;
        }
        byte[] b = v6.getAddress();
        boolean compatible = v6.isIPv4CompatibleAddress() && !(b[12] == 0 && b[13] == 0 && b[14] == 0 && (b[15] == 0 || b[15] == 1));
        boolean nat64 = (b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b
                && Arrays.equals(Arrays.copyOfRange(b, 4, 12), new byte[8]);
        if (!compatible && !nat64) {
            return address;
        }
        try {
            return InetAddress.getByAddress(Arrays.copyOfRange(b, 12, 16));
        } catch (UnknownHostException e) {
            return address;
        }
    }
}
