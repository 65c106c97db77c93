package org.onewindow.evaluation;

import org.onewindow.problem.Problem;

/** The five levels of the national standard; 不满意 and 非常不满意 are bad ratings (差评), each worked through. */
public enum Level {
    VERY_SATISFIED(5, "非常满意"),
    SATISFIED(4, "满意"),
    BASICALLY_SATISFIED(3, "基本满意"),
    DISSATISFIED(2, "不满意"),
    VERY_DISSATISFIED(1, "非常不满意");

    private final int score;
    private final String label;

    Level(int score, String label) {
        this.score = score;
        this.label = label;
    }

    public int score() {
        return score;
    }

    public String label() {
        return label;
    }

    /** 不满意 or 非常不满意: reasons are asked for, and a rectification is opened. */
    public boolean bad() {
        return score <= 2;
    }

    /** 满意 and above: what the satisfaction rate counts. */
    public boolean satisfied() {
        return score >= 4;
    }

    /** The level of a score 1–5; {@code 400 INVALID_LEVEL} otherwise. */
    public static Level of(Integer score) {
        if (score != null) {
            for (Level l : values()) {
                if (l.score == score) {
                    return l;
                }
            }
        }
        throw Problem.badRequest("INVALID_LEVEL", "评价等级须为 1（非常不满意）至 5（非常满意）");
    }
}
