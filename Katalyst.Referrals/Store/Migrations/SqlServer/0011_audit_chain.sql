-- The audit log's hash chain (issue 8): each entry carries its place in the chain (seq), the previous entry's hash
-- and its own hash over its content and that previous hash, so an edited, removed or reordered entry breaks the
-- chain (`katalyst audit verify`). Entries written before this migration stay unchained (seq NULL).
IF COL_LENGTH(N'dbo.audit_log', N'seq') IS NULL
ALTER TABLE dbo.audit_log ADD seq BIGINT NULL, prev_hash CHAR(64) NULL, entry_hash CHAR(64) NULL;

-- Two writers can never both take the same place: the second insert fails and retries after the first. The
-- migration runs as one batch, so the index on the new column is created through EXEC.
IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ux_audit_log_seq')
EXEC (N'CREATE UNIQUE INDEX ux_audit_log_seq ON dbo.audit_log (seq) WHERE seq IS NOT NULL');
