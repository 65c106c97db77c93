-- Cases taken in before the back office existed: their acceptance day from the history, the
-- handover of those still waiting at ACCEPTED, and the local route for those a reviewer already took.
-- Their deadlines are computed from the working-day calendar when the intake bundle starts.
UPDATE CASE_FILE SET ACCEPTED_ON = (SELECT DATE(MIN(h.EVENT_AT)) FROM CASE_HISTORY h
  WHERE h.CASE_ID = CASE_FILE.ID AND h.TO_STATUS = 'ACCEPTED') WHERE ACCEPTED_ON IS NULL;
INSERT INTO CASE_HANDOVER (CASE_NO, DEPT_CODE, DELIVERY_KEY, PURPOSE, STATE, ATTEMPTS, NEXT_ATTEMPT_AT, CREATED_AT)
  SELECT CASE_NO, DEPT_CODE, CASE_NO || '-earlier', 'CASE', 'PENDING', 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
  FROM CASE_FILE WHERE STATUS = 'ACCEPTED' AND TIME_LIMIT_DAYS > 0;
UPDATE CASE_FILE SET ROUTE = 'LOCAL' WHERE ROUTE IS NULL AND STATUS IN ('IN_REVIEW', 'SUPPLEMENT_REQUESTED');
