package org.eventregistry.change;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionManager;
import org.jboss.logging.Logger;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Runs a {@link Write} in its own transaction: the service's work, then {@link WritePath#finish} (the change
 * log last, so every write takes its locks in the same order), then the commit. A write that lost a race
 * in the database (a deadlock, a lock wait that timed out, a unique or foreign key that a concurrent commit
 * took first) is run again from the start, so its own checks give the caller a clean answer.
 */
@Write
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 200)
public class WriteInterceptor {

    private static final Logger LOG = Logger.getLogger(WriteInterceptor.class);
    static final int ATTEMPTS = 8;
    /** The attempt the write running on this thread is at (1 for the first), 0 outside writes. */
    private static final ThreadLocal<int[]> ATTEMPT = ThreadLocal.withInitial(() -> new int[1]);

    private final TransactionManager transactions;
    private final WritePath writes;

    public WriteInterceptor(TransactionManager transactions, WritePath writes) {
        this.transactions = transactions;
        this.writes = writes;
    }

    @AroundInvoke
    Object write(InvocationContext context) throws Exception {
        if (transactions.getStatus() != Status.STATUS_NO_TRANSACTION) {
            Object result = context.proceed();
            writes.finish();
            return result;
        }
        int[] current = ATTEMPT.get();
        try {
            return attempts(context, current);
        } finally {
            current[0] = 0;
        }
    }

    /** Whether the write running on this thread already lost a race and is running again. */
    static boolean retrying() {
        return ATTEMPT.get()[0] > 1;
    }

    private Object attempts(InvocationContext context, int[] current) throws Exception {
        for (int attempt = 1; ; attempt++) {
            current[0] = attempt;
            transactions.begin();
            try {
                Object result = context.proceed();
                writes.finish();
                transactions.commit();
                return result;
            } catch (Exception e) {
                rollback();
                Races.Lost lost = Races.lost(e);
                if (lost == null) {
                    throw e;
                }
                if (attempt == ATTEMPTS) {
                    throw lost.answer();
                }
                LOG.debugf("Write %s lost a race (%s), attempt %d", context.getMethod().getName(), lost.reason(), attempt);
                Thread.sleep(ThreadLocalRandom.current().nextLong(1, 5L << Math.min(attempt, 5)));
            }
        }
    }

    private void rollback() {
        try {
            if (transactions.getStatus() != Status.STATUS_NO_TRANSACTION) {
                transactions.rollback();
            }
        } catch (Exception e) {
            LOG.warn("A failed write could not be rolled back cleanly", e);
        }
    }
}
