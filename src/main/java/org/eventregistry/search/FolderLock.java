package org.eventregistry.search;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An embedded index folder held by one registry process: the operating system's lock on a file in it, taken when
 * the index opens and given back when it closes (or the process dies). A second instance pointed at the same data
 * folder would otherwise fight the first for Lucene's writer and keep a stale index; it is refused instead, with a
 * message that says what to change.
 */
final class FolderLock implements AutoCloseable {

    static final String FILE = "registry.lock";

    private final FileChannel channel;

    private FolderLock(FileChannel channel) {
        this.channel = channel;
    }

    /** Takes the folder (created when missing); throws when another process, or this one, holds it. */
    static FolderLock take(Path folder) {
        FileChannel channel;
        try {
            Files.createDirectories(folder);
            channel = FileChannel.open(folder.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new IllegalStateException("The search index folder " + folder + " cannot be used", e);
        }
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        } catch (IOException e) {
            closeQuietly(channel);
            throw new IllegalStateException("The search index folder " + folder + " cannot be locked", e);
        }
        if (lock == null) {
            closeQuietly(channel);
            throw new IllegalStateException("The search index folder " + folder + " is in use by another registry "
                    + "process: give each instance its own data folder (registry.data-dir or registry.search.directory), "
                    + "or share one OpenSearch index (registry.search.engine=opensearch)");
        }
        return new FolderLock(channel);
    }

    @Override
    public void close() {
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // Closing the channel releases the lock; the process's end would too.
        }
    }
}
