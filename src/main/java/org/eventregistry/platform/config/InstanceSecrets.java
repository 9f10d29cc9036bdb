package org.eventregistry.platform.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import io.quarkus.narayana.jta.QuarkusTransaction;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

/** Keys this instance keeps in its database, made once, so cursors stay valid across restarts and between instances. */
@ApplicationScoped
public class InstanceSecrets {

    private static final String CURSOR_KEY = "cursor-signing";

    private final EntityManager em;
    private volatile byte[] cursorKey;

    public InstanceSecrets(EntityManager em) {
        this.em = em;
    }

    public byte[] cursorKey() {
        byte[] key = cursorKey;
        if (key == null) {
            synchronized (this) {
                key = cursorKey;
                if (key == null) {
                    key = load();
                    cursorKey = key;
                }
            }
        }
        return key;
    }

    /** The first requests after a start race to make the key; another instance may win, and then its key is read. */
    private byte[] load() {
        try {
            return QuarkusTransaction.requiringNew().call(this::loadOrCreate);
        } catch (RuntimeException lostRace) {
            return QuarkusTransaction.requiringNew().call(this::loadOrCreate);
        }
    }

    private byte[] loadOrCreate() {
        List<?> found = em.createNativeQuery("select secret from instance_secret where name = :name")
                .setParameter("name", CURSOR_KEY).getResultList();
        if (!found.isEmpty()) {
            return Base64.getDecoder().decode((String) found.get(0));
        }
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        // Instances that start together on an empty database race here: the first key stored is everyone's key.
        em.createNativeQuery("insert into instance_secret (name, secret) values (:name, :secret) on conflict do nothing")
                .setParameter("name", CURSOR_KEY)
                .setParameter("secret", Base64.getEncoder().encodeToString(fresh))
                .executeUpdate();
        String stored = (String) em.createNativeQuery("select secret from instance_secret where name = :name")
                .setParameter("name", CURSOR_KEY).getSingleResult();
        return Base64.getDecoder().decode(stored);
    }
}
