package org.eventregistry.platform.storage;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Once the database could not be written to disk, no write is confirmed; reads and refusals are left as they are. */
class StorageFailureTest {

    @Test
    void aWriteIsNotConfirmedOnceTheDatabaseCouldNotBeWritten() {
        for (String method : new String[] {"POST", "PUT", "PATCH", "DELETE"}) {
            for (int status : new int[] {200, 201, 204}) {
                assertEquals(503, StorageFailure.answer(method, status, true, "/api/v1/events").orElseThrow().status());
            }
        }
    }

    @Test
    void readsRefusalsAndHealthyDatabasesAreLeftAlone() {
        assertTrue(StorageFailure.answer("GET", 200, true, "/api/v1/events").isEmpty());
        assertTrue(StorageFailure.answer("HEAD", 200, true, "/api/v1/events").isEmpty());
        assertTrue(StorageFailure.answer("POST", 422, true, "/api/v1/events").isEmpty());
        assertTrue(StorageFailure.answer("POST", 201, false, "/api/v1/events").isEmpty());
    }
}
