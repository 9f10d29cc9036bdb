package org.eventregistry.change;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks a public list or feed whose answer answers conditional requests by the registry's change position ({@link Freshness}). */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Revalidated {

    /** How the answer depends on the clock as well as on the registry's state. */
    Clock clock() default Clock.NONE;

    /** Ways a list's content can change with time alone. */
    enum Clock {
        /** Not at all. */
        NONE,
        /** When its from or to parameter says now or today: as events start and end, and at midnight. */
        BOUNDS,
        /** As BOUNDS, and unless a sort is given, as it puts events that have not ended first: as events end. */
        UPCOMING_FIRST
    }
}
