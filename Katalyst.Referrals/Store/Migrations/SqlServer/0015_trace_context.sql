-- One trace per referral (issue 9): the W3C traceparent of the span that stored the referral, kept with its scoring
-- work so file analysis and scoring, which run later and perhaps in another instance, join the referral's own trace.
-- NULL when nothing was tracing at intake.
IF COL_LENGTH(N'dbo.scoring_outbox', N'trace_parent') IS NULL
ALTER TABLE dbo.scoring_outbox ADD trace_parent VARCHAR(55) NULL;
