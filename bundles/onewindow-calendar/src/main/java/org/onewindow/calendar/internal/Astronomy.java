package org.onewindow.calendar.internal;

import java.time.LocalDate;

/**
 * The two moments the fixed holidays need that ICU4J does not give precisely enough: the new moon (ICU's
 * {@code ChineseCalendar} finds it to within minutes, and a new moon minutes before midnight in Beijing then starts
 * the month a day late, as in February 2027), and the sun reaching a longitude (清明, 15°, which ICU does not expose
 * at all: its astronomer is internal). Algorithms of J. Meeus, <i>Astronomical Algorithms</i> (2nd ed., 1998):
 * ch. 49, the true new moon with all periodic and planetary terms (seconds of error in this century), and ch. 25,
 * the sun's apparent longitude (0.01°, a quarter of an hour). Dates are Beijing's (UTC+8), as the official
 * calendar (GB/T 33661-2017 《农历的编算和颁行》) takes them.
 */
final class Astronomy {
    private static final double SYNODIC = 29.530588861;
    private static final double EPOCH_NEW_MOON = 2451550.09766;
    /** Julian day of 1970-01-01 at 0h UT is 2440587.5. */
    private static final double UNIX_EPOCH_JD = 2440587.5;
    private static final double BEIJING = 8.0 / 24;

    private Astronomy() {
    }

    /** The Beijing date of the true new moon nearest to a day. */
    static LocalDate newMoonNear(LocalDate day) {
        double jd = day.toEpochDay() + UNIX_EPOCH_JD;
        long k = Math.round((jd - EPOCH_NEW_MOON) / SYNODIC);
        return beijingDate(toUniversal(newMoon(k)));
    }

    /** Julian ephemeris day (TT) of new moon number k (k = 0 is 2000-01-06). Meeus ch. 49. */
    static double newMoon(long k) {
        double t = k / 1236.85;
        double t2 = t * t;
        double t3 = t2 * t;
        double t4 = t3 * t;
        double jde = EPOCH_NEW_MOON + SYNODIC * k + 0.00015437 * t2 - 0.000000150 * t3 + 0.00000000073 * t4;
        double e = 1 - 0.002516 * t - 0.0000074 * t2;
        double m = rad(2.5534 + 29.10535670 * k - 0.0000014 * t2 - 0.00000011 * t3);
        double mp = rad(201.5643 + 385.81693528 * k + 0.0107582 * t2 + 0.00001238 * t3 - 0.000000058 * t4);
        double f = rad(160.7108 + 390.67050284 * k - 0.0016118 * t2 - 0.00000227 * t3 + 0.000000011 * t4);
        double om = rad(124.7746 - 1.56375588 * k + 0.0020672 * t2 + 0.00000215 * t3);
        jde += -0.40720 * sin(mp) + 0.17241 * e * sin(m) + 0.01608 * sin(2 * mp) + 0.01039 * sin(2 * f)
                + 0.00739 * e * sin(mp - m) - 0.00514 * e * sin(mp + m) + 0.00208 * e * e * sin(2 * m)
                - 0.00111 * sin(mp - 2 * f) - 0.00057 * sin(mp + 2 * f) + 0.00056 * e * sin(2 * mp + m)
                - 0.00042 * sin(3 * mp) + 0.00042 * e * sin(m + 2 * f) + 0.00038 * e * sin(m - 2 * f)
                - 0.00024 * e * sin(2 * mp - m) - 0.00017 * sin(om) - 0.00007 * sin(mp + 2 * m)
                + 0.00004 * sin(2 * mp - 2 * f) + 0.00004 * sin(3 * m) + 0.00003 * sin(mp + m - 2 * f)
                + 0.00003 * sin(2 * mp + 2 * f) - 0.00003 * sin(mp + m + 2 * f) + 0.00003 * sin(mp - m + 2 * f)
                - 0.00002 * sin(mp - m - 2 * f) - 0.00002 * sin(3 * mp + m) + 0.00002 * sin(4 * mp);
        double[] a = {299.77 + 0.107408 * k - 0.009173 * t2, 251.88 + 0.016321 * k, 251.83 + 26.651886 * k,
            349.42 + 36.412478 * k, 84.66 + 18.206239 * k, 141.74 + 53.303771 * k, 207.14 + 2.453732 * k,
            154.84 + 7.306860 * k, 34.52 + 27.261239 * k, 207.19 + 0.121824 * k, 291.34 + 1.844379 * k,
            161.72 + 24.198154 * k, 239.56 + 25.513099 * k, 331.55 + 3.592518 * k};
        double[] c = {0.000325, 0.000165, 0.000164, 0.000126, 0.000110, 0.000062, 0.000060, 0.000056, 0.000047,
            0.000042, 0.000040, 0.000037, 0.000035, 0.000023};
        for (int i = 0; i < a.length; i++) {
            jde += c[i] * sin(rad(a[i]));
        }
        return jde;
    }

    /** The sun's apparent longitude in degrees, 0–360, at a Julian ephemeris day. Meeus ch. 25 (low accuracy). */
    static double sunLongitude(double jde) {
        double t = (jde - 2451545.0) / 36525;
        double l0 = 280.46646 + 36000.76983 * t + 0.0003032 * t * t;
        double m = rad(357.52911 + 35999.05029 * t - 0.0001537 * t * t);
        double c = (1.914602 - 0.004817 * t - 0.000014 * t * t) * sin(m) + (0.019993 - 0.000101 * t) * sin(2 * m)
                + 0.000289 * sin(3 * m);
        double omega = rad(125.04 - 1934.136 * t);
        double apparent = l0 + c - 0.00569 - 0.00478 * sin(omega);
        return ((apparent % 360) + 360) % 360;
    }

    /** Julian ephemeris day when the sun's apparent longitude reaches {@code degrees}, searched from {@code near}. */
    static double sunReaches(double degrees, double near) {
        double jde = near;
        for (int i = 0; i < 20; i++) {
            double off = ((degrees - sunLongitude(jde) + 540) % 360) - 180;
            // about 0.9856° a day
            double step = off / 0.98565;
            jde += step;
            if (Math.abs(step) < 1e-6) {
                break;
            }
        }
        return jde;
    }

    /** The Beijing date on which the sun reaches a longitude in a year's month, such as 15° (清明) in April. */
    static LocalDate solarTerm(int year, int month, int approxDay, double degrees) {
        double near = LocalDate.of(year, month, approxDay).toEpochDay() + UNIX_EPOCH_JD;
        return beijingDate(toUniversal(sunReaches(degrees, near)));
    }

    /** TT to UT by ΔT (Espenak and Meeus's polynomials for 2005–2150; seconds, which move no date here). */
    static double toUniversal(double jde) {
        double y = 2000 + (jde - 2451544.5) / 365.2425;
        double deltaT;
        if (y < 2005) {
            deltaT = 64;
        } else if (y < 2050) {
            double t = y - 2000;
            deltaT = 62.92 + 0.32217 * t + 0.005589 * t * t;
        } else {
            double u = (y - 1820) / 100;
            deltaT = -20 + 32 * u * u - 0.5628 * (2150 - y);
        }
        return jde - deltaT / 86400;
    }

    private static LocalDate beijingDate(double jdUniversal) {
        return LocalDate.ofEpochDay((long) Math.floor(jdUniversal - UNIX_EPOCH_JD + BEIJING));
    }

    private static double rad(double degrees) {
        return Math.toRadians(degrees % 360);
    }

    private static double sin(double radians) {
        return Math.sin(radians);
    }
}
