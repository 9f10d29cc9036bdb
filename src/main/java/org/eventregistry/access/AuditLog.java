package org.eventregistry.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eventregistry.platform.text.Ids;
import org.eventregistry.platform.paging.Page;
import org.eventregistry.platform.paging.Paging;
import org.eventregistry.platform.http.QueryValues;
import org.eventregistry.platform.config.RegistryConfig;
import org.eventregistry.platform.paging.Sort;
import org.eventregistry.platform.paging.SortKey;
import org.eventregistry.platform.paging.Where;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.time.temporal.ChronoUnit;

/** Records every write in the audit log, inside the transaction of the write itself. */
@ApplicationScoped
public class AuditLog {

    private final Caller caller;
    private final Paging paging;
    private final RegistryConfig config;

    public AuditLog(Caller caller, Paging paging, RegistryConfig config) {
        this.caller = caller;
        this.paging = paging;
        this.config = config;
    }

    /** The audit log, newest first, filtered by actor, kind, record, operation, request and time. */
    public Page<AuditView> list(AuditFilters f, String limit, String cursor) {
        Sort sort = Sort.parse(null, "-at", Map.of("at", new SortKey("at", "at", SortKey.Kind.INSTANT)));
        ZoneId zone = config.defaultTimeZone();
        Where where = new Where()
                .andAny("r.actor in :actors", "actors", QueryValues.split(f.actor))
                .andAny("r.kind in :kinds", "kinds", QueryValues.split(f.kind))
                .andAny("r.recordId in :records", "records", QueryValues.split(f.recordId))
                .andAny("r.operation in :operations", "operations", QueryValues.enums("operation", f.operation, AuditEntry.Operation.class))
                .andAny("r.requestId in :requests", "requests", QueryValues.split(f.requestId))
                .and("r.at >= :from", "from", QueryValues.bound("from", f.from, false, zone))
                .and("r.at <= :to", "to", QueryValues.bound("to", f.to, true, zone));
        return paging.page(new Paging.Source<>(AuditEntry.class, (e, key) -> key.equals("id") ? e.id : e.at, AuditView::of),
                where, sort, f.canonical(), limit, cursor);
    }

    /** Who the current caller is, as the audit log names them. */
    public String actor() {
        return caller.actor();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String kind, String recordId, AuditEntry.Operation operation) {
        AuditEntry entry = new AuditEntry();
        entry.id = Ids.next();
        entry.at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        entry.actor = caller.actor();
        entry.actorRole = caller.identity().map(Identity::role).orElse(null);
        entry.kind = kind;
        entry.recordId = recordId;
        entry.operation = operation;
        entry.requestId = caller.requestId();
        entry.persist();
    }
}
