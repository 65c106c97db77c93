package org.onewindow.problem;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a text field of a DTO as a multi-line note: the REST edge lets newline and tab through
 * there ({@link Texts#multiLine}); every other text of a request body is single-line.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface MultiLine {
}
