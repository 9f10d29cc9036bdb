package org.eventregistry.platform.storage;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Group commit: callers that each need everything committed so far written to disk share the writes. A caller
 * takes a ticket; if nobody is writing, it writes for everyone whose ticket came before its write began; otherwise
 * it waits for the write in progress and, since that one may have begun before its ticket, for the next, which
 * one of the waiters makes for all of them. So eight transactions that commit while one is being stored cost two
 * stores, not eight, and no caller returns before a write that began after its ticket has ended.
 */
final class GroupCommit {

    /** Writes everything committed so far; throws when it could not. */
    interface Store {
        void writeAll();
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition written = lock.newCondition();
    /** The last ticket taken. */
    private long taken;
    /** Every ticket up to this one is covered by a write that has ended. */
    private long covered;
    private boolean writing;
    /**
     * The first write that failed. Every later call fails too: after a failed write (a disk error) a later one may
     * appear to succeed while the data of the first is gone (Linux marks pages whose write failed as clean, so a
     * second fsync reports success), so no commit is ever confirmed again.
     */
    private RuntimeException failure;

    /** Returns once a write that began after this call has ended; throws when that write, or any before, failed. */
    void await(Store store) {
        lock.lock();
        try {
            long ticket = ++taken;
            while (covered < ticket) {
                if (failure != null) {
                    throw new IllegalStateException("The database could not be written to disk", failure);
                }
                if (writing) {
                    written.awaitUninterruptibly();
                    continue;
                }
                writing = true;
                long covers = taken;
                lock.unlock();
                // H2 reads and writes through interruptible channels: an interrupt pending on this thread (an
                // executor shutting down) would close the file under the store. Kept for after the write instead.
                boolean interrupted = Thread.interrupted();
                try {
                    store.writeAll();
                    lock.lock();
                    covered = Math.max(covered, covers);
                } catch (RuntimeException | Error e) {
                    lock.lock();
                    failure = e instanceof RuntimeException r ? r : new IllegalStateException(e);
                    throw e;
                } finally {
                    writing = false;
                    written.signalAll();
                    if (interrupted) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        } finally {
            lock.unlock();
        }
    }
}
