package org.onewindow.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the resource methods a user may call while their login still requires something of them
 * (a new password, a second factor to enrol): their own account's, and nothing else. Every other
 * method refuses such a user with {@code 403 PASSWORD_CHANGE_REQUIRED} or
 * {@code SECOND_FACTOR_ENROLMENT_REQUIRED}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface AccountSetUp {
}
