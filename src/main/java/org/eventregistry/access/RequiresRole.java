package org.eventregistry.access;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Overrides the default access rule of an operation (see {@link AccessPolicy}): the least role a caller needs.
 * Needed only where the default is wrong, such as a write partners may make on their own records.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RequiresRole {
    Role value();
}
