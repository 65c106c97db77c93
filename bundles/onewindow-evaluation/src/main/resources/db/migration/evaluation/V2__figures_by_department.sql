-- a department's figures read its services by department first, as its ratings (IX_EVAL_RATING_DEPT)
CREATE INDEX IX_EVAL_SERVICE_DEPT ON EVAL_SERVICE (DEPT_CODE, SERVED_DAY);
