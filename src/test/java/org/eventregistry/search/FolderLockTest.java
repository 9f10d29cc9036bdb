package org.eventregistry.search;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An embedded index folder is one process's: a second registry on the same data folder is refused the index. */
class FolderLockTest {

    @Test
    void anotherProcessHoldingTheFolderIsRefusedWithWhatToChange(@TempDir Path folder) throws Exception {
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Holder.class.getName(), folder.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            String line;
            do {
                line = out.readLine(); // the JVM may print notes of its own first ("Picked up JAVA_TOOL_OPTIONS")
            } while (line != null && !line.equals("held"));
            assertEquals("held", line, "the other process took the folder");
            IllegalStateException refused = assertThrows(IllegalStateException.class, () -> FolderLock.take(folder));
            assertTrue(refused.getMessage().contains("in use by another registry process"), refused.getMessage());
            assertTrue(refused.getMessage().contains("registry.data-dir"), refused.getMessage());
        } finally {
            holder.getOutputStream().close();
            assertTrue(holder.waitFor(20, TimeUnit.SECONDS));
        }
        // The other process ended: the folder is free again.
        FolderLock.take(folder).close();
    }

    @Test
    void theFolderIsFreeAgainOnceClosed(@TempDir Path folder) {
        FolderLock first = FolderLock.take(folder.resolve("new"));
        assertThrows(IllegalStateException.class, () -> FolderLock.take(folder.resolve("new")));
        first.close();
        FolderLock.take(folder.resolve("new")).close();
    }

    /** Holds a folder until its standard input closes. */
    public static final class Holder {
        public static void main(String[] args) throws Exception {
            try (FolderLock lock = FolderLock.take(Path.of(args[0]))) {
                System.out.println("held");
                System.out.flush();
                while (System.in.read() >= 0) {
                    // Wait for the test to let go.
                }
            }
        }
    }
}
