-- Who may use the portal: units, user accounts (local or from the agency's identity provider), their roles,
-- and the audit log of what each person did. The audit log is append-only in the store itself: an INSTEAD OF
-- trigger refuses every UPDATE and DELETE. (Issue 8 adds a hash chain over audit_log in a later migration.)
IF OBJECT_ID(N'dbo.units', N'U') IS NULL
CREATE TABLE dbo.units (
    id    INT IDENTITY(1, 1) NOT NULL CONSTRAINT pk_units PRIMARY KEY,
    code  NVARCHAR(32)       NOT NULL CONSTRAINT ux_units_code UNIQUE,
    name  NVARCHAR(200)      NOT NULL
);

IF OBJECT_ID(N'dbo.users', N'U') IS NULL
CREATE TABLE dbo.users (
    id              INT IDENTITY(1, 1) NOT NULL CONSTRAINT pk_users PRIMARY KEY,
    user_name       NVARCHAR(256)      NOT NULL CONSTRAINT ux_users_user_name UNIQUE,
    display_name    NVARCHAR(200)      NOT NULL,
    password_hash   NVARCHAR(512)      NULL,
    unit_id         INT                NULL CONSTRAINT fk_users_unit REFERENCES dbo.units (id),
    is_active       BIT                NOT NULL CONSTRAINT df_users_is_active DEFAULT 1,
    failed_sign_ins INT                NOT NULL CONSTRAINT df_users_failed_sign_ins DEFAULT 0,
    locked_until    DATETIMEOFFSET     NULL,
    created_at      DATETIMEOFFSET     NOT NULL
);

IF OBJECT_ID(N'dbo.user_roles', N'U') IS NULL
CREATE TABLE dbo.user_roles (
    user_id INT          NOT NULL CONSTRAINT fk_user_roles_user REFERENCES dbo.users (id),
    role    NVARCHAR(32) NOT NULL,
    CONSTRAINT pk_user_roles PRIMARY KEY (user_id, role)
);

IF OBJECT_ID(N'dbo.audit_log', N'U') IS NULL
CREATE TABLE dbo.audit_log (
    id             BIGINT IDENTITY(1, 1) NOT NULL CONSTRAINT pk_audit_log PRIMARY KEY,
    at             DATETIMEOFFSET        NOT NULL,
    user_name      NVARCHAR(256)         NOT NULL,
    action         NVARCHAR(64)          NOT NULL,
    target         NVARCHAR(400)         NULL,
    detail         NVARCHAR(2000)        NULL,
    remote_address NVARCHAR(64)          NULL
);

IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_audit_log_at')
CREATE INDEX ix_audit_log_at ON dbo.audit_log (at DESC, id DESC);

IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_audit_log_user')
CREATE INDEX ix_audit_log_user ON dbo.audit_log (user_name, at DESC);

IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_audit_log_action')
CREATE INDEX ix_audit_log_action ON dbo.audit_log (action, at DESC);

-- CREATE TRIGGER must open its own batch; the migration runs as one batch, so it goes through EXEC.
IF OBJECT_ID(N'dbo.tr_audit_log_append_only', N'TR') IS NULL
EXEC (N'CREATE TRIGGER dbo.tr_audit_log_append_only ON dbo.audit_log INSTEAD OF UPDATE, DELETE
AS
BEGIN
    SET NOCOUNT ON;
    THROW 51000, N''audit_log is append-only: entries cannot be changed or deleted'', 1;
END');
