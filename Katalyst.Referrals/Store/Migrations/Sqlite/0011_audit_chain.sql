-- The audit log's hash chain (issue 8): each entry carries its place in the chain (seq), the previous entry's hash
-- and its own hash over its content and that previous hash, so an edited, removed or reordered entry breaks the
-- chain (`katalyst audit verify`). Entries written before this migration stay unchained (seq NULL).
ALTER TABLE audit_log ADD COLUMN seq INTEGER NULL;
ALTER TABLE audit_log ADD COLUMN prev_hash TEXT NULL;
ALTER TABLE audit_log ADD COLUMN entry_hash TEXT NULL;

-- Two writers can never both take the same place: the second insert fails and retries after the first.
CREATE UNIQUE INDEX IF NOT EXISTS ux_audit_log_seq ON audit_log (seq);
