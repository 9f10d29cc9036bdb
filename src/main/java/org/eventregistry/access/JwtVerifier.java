package org.eventregistry.access;

import jakarta.enterprise.context.ApplicationScoped;
import org.eventregistry.platform.config.RegistryConfig;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwa.AlgorithmConstraints;

import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Accepts bearer JWTs from an OpenID Connect provider when {@code registry.oidc.enabled}: checks the
 * signature (JWKS or a PEM key), issuer, audience and expiry, and maps a claim's values to a role.
 */
@ApplicationScoped
public class JwtVerifier {

    private final RegistryConfig.Oidc config;
    private volatile JwtConsumer consumer;

    public JwtVerifier(RegistryConfig config) {
        this.config = config.oidc();
    }

    public boolean enabled() {
        return config.enabled();
    }

    /** True for a compact JWS (header.payload.signature), which API tokens never look like. */
    public static boolean looksLikeJwt(String token) {
        return token.chars().filter(c -> c == '.').count() == 2 && token.startsWith("eyJ");
    }

    /** The identity the token proves, or empty when it is invalid, expired, or carries no registry role. */
    public Optional<Identity> verify(String token) {
        try {
            JwtClaims claims = consumer().processToClaims(token);
            Optional<Role> role = role(claims);
            if (role.isEmpty()) {
                return Optional.empty();
            }
            Object name = claims.getClaimValue(config.nameClaim());
            String subject = name instanceof String s && !s.isBlank() ? s : claims.getSubject();
            return Optional.of(new Identity("jwt:" + subject, role.get(), null));
        } catch (InvalidJwtException | MalformedClaimException e) {
            return Optional.empty();
        }
    }

    private Optional<Role> role(JwtClaims claims) {
        Object value = claims.getClaimsMap();
        for (String part : config.roleClaim().split("\\.")) {
            value = value instanceof Map<?, ?> map ? map.get(part) : null;
        }
        List<String> values = new ArrayList<>();
        if (value instanceof Collection<?> list) {
            list.forEach(v -> values.add(String.valueOf(v)));
        } else if (value instanceof String s) {
            values.addAll(List.of(s.split(" ")));
        }
        if (values.stream().anyMatch(config.adminValues()::contains)) {
            return Optional.of(Role.ADMIN);
        }
        if (values.stream().anyMatch(config.staffValues()::contains)) {
            return Optional.of(Role.STAFF);
        }
        if (values.stream().anyMatch(config.partnerValues()::contains)) {
            return Optional.of(Role.PARTNER);
        }
        return Optional.empty();
    }

    private JwtConsumer consumer() {
        JwtConsumer c = consumer;
        if (c == null) {
            JwtConsumerBuilder builder = new JwtConsumerBuilder()
                    .setRequireExpirationTime()
                    .setRequireSubject()
                    .setAllowedClockSkewInSeconds(30)
                    .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                            AlgorithmIdentifiers.RSA_USING_SHA256, AlgorithmIdentifiers.RSA_USING_SHA384,
                            AlgorithmIdentifiers.RSA_USING_SHA512, AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256,
                            AlgorithmIdentifiers.RSA_PSS_USING_SHA256);
            config.issuer().ifPresent(builder::setExpectedIssuer);
            if (config.audience().isPresent()) {
                builder.setExpectedAudience(config.audience().get());
            } else {
                builder.setSkipDefaultAudienceValidation();
            }
            if (config.publicKey().isPresent()) {
                builder.setVerificationKey(pem(config.publicKey().get()));
            } else if (config.jwksUrl().isPresent()) {
                builder.setVerificationKeyResolver(new HttpsJwksVerificationKeyResolver(new HttpsJwks(config.jwksUrl().get())));
            } else {
                throw new IllegalStateException("registry.oidc.enabled needs registry.oidc.jwks-url or registry.oidc.public-key");
            }
            c = builder.build();
            consumer = c;
        }
        return c;
    }

    private static PublicKey pem(String pem) {
        String base64 = pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        try {
            byte[] der = Base64.getDecoder().decode(base64);
            try {
                return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
            } catch (java.security.spec.InvalidKeySpecException e) {
                return KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(der));
            }
        } catch (java.security.GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("registry.oidc.public-key is not a PEM public key", e);
        }
    }
}
