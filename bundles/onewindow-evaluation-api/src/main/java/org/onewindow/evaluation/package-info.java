/**
 * 好差评 (国办发〔2019〕51号): citizens rate each service of a case once per stage (受理, 办结/出件) on five levels, at the
 * window's rating pad, the kiosk, the online hall or by a one-time link in a text ({@link Ratings}); every bad rating is
 * verified, put right and answered within working-day deadlines ({@link Rectifications}); the figures by window, clerk,
 * item, department, channel and period ({@link EvaluationFigures}); pads bound to windows by an administrator
 * ({@link RatingPads}). A rating never names who gave it.
 */
@Export
@Version("1.1.0")
package org.onewindow.evaluation;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
