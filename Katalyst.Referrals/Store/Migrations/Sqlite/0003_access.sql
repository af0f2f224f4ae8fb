-- Who may use the portal: units, user accounts (local or from the agency's identity provider), their roles,
-- and the audit log of what each person did. The audit log is append-only in the store itself: triggers refuse
-- every UPDATE and DELETE. (Issue 8 adds a hash chain over audit_log in a later migration.)
CREATE TABLE IF NOT EXISTS units (
    id    INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    code  TEXT    NOT NULL,
    name  TEXT    NOT NULL
);

CREATE UNIQUE INDEX IF NOT EXISTS ux_units_code ON units (code);

CREATE TABLE IF NOT EXISTS users (
    id              INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    user_name       TEXT    NOT NULL COLLATE NOCASE,
    display_name    TEXT    NOT NULL,
    password_hash   TEXT    NULL,
    unit_id         INTEGER NULL REFERENCES units (id),
    is_active       INTEGER NOT NULL DEFAULT 1,
    failed_sign_ins INTEGER NOT NULL DEFAULT 0,
    locked_until    TEXT    NULL,
    created_at      TEXT    NOT NULL
);

CREATE UNIQUE INDEX IF NOT EXISTS ux_users_user_name ON users (user_name);

CREATE TABLE IF NOT EXISTS user_roles (
    user_id INTEGER NOT NULL REFERENCES users (id),
    role    TEXT    NOT NULL,
    PRIMARY KEY (user_id, role)
);

CREATE TABLE IF NOT EXISTS audit_log (
    id             INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    at             TEXT    NOT NULL,
    user_name      TEXT    NOT NULL,
    action         TEXT    NOT NULL,
    target         TEXT    NULL,
    detail         TEXT    NULL,
    remote_address TEXT    NULL
);

CREATE INDEX IF NOT EXISTS ix_audit_log_at ON audit_log (at DESC, id DESC);
CREATE INDEX IF NOT EXISTS ix_audit_log_user ON audit_log (user_name, at DESC);
CREATE INDEX IF NOT EXISTS ix_audit_log_action ON audit_log (action, at DESC);

CREATE TRIGGER IF NOT EXISTS tr_audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only: entries cannot be changed');
END;

CREATE TRIGGER IF NOT EXISTS tr_audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only: entries cannot be deleted');
END;
