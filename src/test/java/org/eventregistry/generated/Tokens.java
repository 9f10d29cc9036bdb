package org.eventregistry.generated;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The tokens a run uses, so printed reproductions show them as shell variables ($ADMIN, $PARTNER, $STAFF). */
public final class Tokens {

    private static final Map<String, String> NAMES = new ConcurrentHashMap<>();

    private Tokens() {
    }

    public static void name(String secret, String variable) {
        NAMES.put(secret, variable);
    }

    static String shellForm(String authorization) {
        for (Map.Entry<String, String> known : NAMES.entrySet()) {
            if (authorization.equals("Bearer " + known.getKey())) {
                return "Bearer $" + known.getValue();
            }
        }
        return authorization;
    }
}
