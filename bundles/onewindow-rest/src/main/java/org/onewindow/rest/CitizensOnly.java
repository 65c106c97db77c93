package org.onewindow.rest;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a public ({@code @PermitAll}) method only citizens may call, such as a rating of a service: a request that carries a
 * member of staff's credentials (HTTP Basic or a live console session) is refused with {@code 403 STAFF_REFUSED}, so that
 * nobody rates the hall's services while signed in as its staff.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface CitizensOnly {
}
