package org.eventregistry.webhook;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/** The production setting: private targets refused (the test profile otherwise allows loopback receivers). */
public class StrictTargets implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("registry.webhooks.allow-private-targets", "false");
    }
}
