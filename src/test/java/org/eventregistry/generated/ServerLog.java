package org.eventregistry.generated;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The warnings and errors the service logs while the test runs (it runs in the test's JVM), so a 5xx can be reported
 * with the log line and the exception that caused it.
 */
public final class ServerLog extends Handler {

    private final List<String> lines = new ArrayList<>();

    public static ServerLog install() {
        ServerLog log = new ServerLog();
        log.setLevel(Level.WARNING);
        Logger.getLogger("").addHandler(log);
        return log;
    }

    public void uninstall() {
        Logger.getLogger("").removeHandler(this);
    }

    public synchronized int mark() {
        return lines.size();
    }

    public synchronized List<String> since(int mark) {
        return List.copyOf(lines.subList(Math.min(mark, lines.size()), lines.size()));
    }

    @Override
    public void publish(LogRecord record) {
        if (record == null || record.getLevel().intValue() < Level.WARNING.intValue()) {
            return;
        }
        StringBuilder line = new StringBuilder();
        line.append(record.getLevel()).append(" [").append(record.getLoggerName()).append("] ").append(message(record));
        for (Throwable t = record.getThrown(); t != null; t = t.getCause() == t ? null : t.getCause()) {
            line.append(" | caused by ").append(t.getClass().getName()).append(": ").append(t.getMessage());
            for (StackTraceElement frame : t.getStackTrace()) {
                if (frame.getClassName().startsWith("org.eventregistry")) {
                    line.append(" at ").append(frame);
                    break;
                }
            }
        }
        synchronized (this) {
            lines.add(line.toString());
        }
    }

    private static String message(LogRecord record) {
        try {
            Object formatted = record.getClass().getMethod("getFormattedMessage").invoke(record);
            if (formatted != null) {
                return formatted.toString();
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            // a plain java.util.logging record
        }
        return String.valueOf(record.getMessage());
    }

    /** The exception class of the deepest cause in a captured line, or "" when none is named. */
    public static String rootCause(List<String> lines) {
        String cause = "";
        for (String line : lines) {
            int at = line.lastIndexOf(" | caused by ");
            if (at >= 0) {
                String rest = line.substring(at + " | caused by ".length());
                int colon = rest.indexOf(':');
                cause = colon < 0 ? rest : rest.substring(0, colon);
            }
        }
        return cause;
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
