-- One trace per referral (issue 9): the W3C traceparent of the span that stored the referral, kept with its scoring
-- work so file analysis and scoring, which run later and perhaps in another instance, join the referral's own trace.
-- NULL when nothing was tracing at intake.
ALTER TABLE scoring_outbox ADD COLUMN trace_parent TEXT NULL;
