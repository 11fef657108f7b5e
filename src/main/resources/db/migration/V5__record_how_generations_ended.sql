-- How a generation ended, in columns of their own instead of inside the text of error_message:
--   ended_by      who ended it (worker, dead-letter, sweeper, cancel); set exactly when it is terminal
--   error_code    why it failed, or why its last attempt did: a stable code clients may branch on
--   error_message the same in a sentence its owner may read (never exception text or SQL)
--   error_detail  the same for operators: exception text, a model provider's answer (admins only)
ALTER TABLE generations
    ADD COLUMN ended_by     varchar(12),
    ADD COLUMN error_code   varchar(40),
    ADD COLUMN error_detail varchar(4000);

-- Rows written before this migration kept the raw text in error_message: it becomes the detail,
-- and the user sees a safe sentence instead. Matching the old texts is a one-off here; nothing
-- reads them this way again.
UPDATE generations SET error_detail = error_message WHERE error_message IS NOT NULL;
UPDATE generations SET ended_by = 'worker', error_message = NULL WHERE status = 'completed';
UPDATE generations SET ended_by = 'cancel', error_code = 'canceled', error_message = 'Canceled by the user.'
    WHERE status = 'canceled';
UPDATE generations SET ended_by = 'dead-letter', error_code = 'gave-up',
    error_message = 'Gave up after ' || attempts || CASE WHEN attempts = 1 THEN ' attempt.' ELSE ' attempts.' END
    WHERE status = 'failed' AND error_message LIKE 'Gave up after%';
UPDATE generations SET ended_by = 'sweeper', error_code = 'timed-out',
    error_message = 'No result in time; your credits were refunded.'
    WHERE status = 'failed' AND ended_by IS NULL AND error_message LIKE 'No result within%';
UPDATE generations SET ended_by = 'worker', error_code = 'refused',
    error_message = 'This request could not be done; your credits were refunded.'
    WHERE status = 'failed' AND ended_by IS NULL;
UPDATE generations SET error_code = 'error', error_message = 'Something went wrong while doing this.'
    WHERE status IN ('pending', 'processing') AND error_message IS NOT NULL;

ALTER TABLE generations
    ADD CONSTRAINT generations_ended_by_check
        CHECK (ended_by IN ('worker', 'dead-letter', 'sweeper', 'cancel')),
    ADD CONSTRAINT generations_ended_when_terminal
        CHECK ((status IN ('pending', 'processing')) = (ended_by IS NULL)),
    ADD CONSTRAINT generations_error_has_code
        CHECK ((error_message IS NULL AND error_detail IS NULL) OR error_code IS NOT NULL);

-- Dead-letter figures (GET /api/health/workers): what the dead-letter consumer ended lately.
CREATE INDEX generations_ended_by_completed_idx ON generations (ended_by, completed_at);
