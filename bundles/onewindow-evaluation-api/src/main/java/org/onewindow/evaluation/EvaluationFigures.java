package org.onewindow.evaluation;

import org.onewindow.security.Actor;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The figures of the ratings (days are the hall's, at most 366 of them: {@code 400 INVALID_PERIOD}); a supervisor with
 * departments sees theirs. {@link #hall} is the public page's (公开评价): by department and month, no window or clerk.
 */
@ProviderType
public interface EvaluationFigures {
    FiguresDTO figures(String from, String to, FigureDimension by, String department, Actor actor);

    FiguresDTO hall(String from, String to, FigureDimension by);
}
