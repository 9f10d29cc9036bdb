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

    /** Returns once a write that began after this call has ended; throws what that write threw. */
    void await(Store store) {
        lock.lock();
        try {
            long ticket = ++taken;
            while (covered < ticket) {
                if (writing) {
                    written.awaitUninterruptibly();
                    continue;
                }
                writing = true;
                long covers = taken;
                boolean done = false;
                lock.unlock();
                try {
                    store.writeAll();
                    done = true;
                } finally {
                    lock.lock();
                    writing = false;
                    if (done) {
                        covered = Math.max(covered, covers);
                    }
                    written.signalAll();
                }
            }
        } finally {
            lock.unlock();
        }
    }
}
