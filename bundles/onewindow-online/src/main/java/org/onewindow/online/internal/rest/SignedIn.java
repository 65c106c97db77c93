package org.onewindow.online.internal.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A citizen resource method that needs a signed-in citizen; {@link CitizenFilter} checks it before the body is read. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface SignedIn {
}
