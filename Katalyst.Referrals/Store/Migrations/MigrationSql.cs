namespace Katalyst.Referrals.Store.Migrations;

/// <summary>The SQL the migration runner itself runs, per dialect.</summary>
internal static class MigrationSql
{
    /// <summary>Statements that read the same on SQLite and SQL Server.</summary>
    public static class Shared
    {
        public const string SelectApplied = """
            SELECT version FROM schema_migrations ORDER BY version
            """;

        public const string InsertApplied = """
            INSERT INTO schema_migrations (version, name, applied_at) VALUES (@Version, @Name, @AppliedAt)
            """;
    }

    /// <summary>SQLite only.</summary>
    public static class Sqlite
    {
        public const string CreateJournal = """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version    INTEGER NOT NULL PRIMARY KEY,
                name       TEXT    NOT NULL,
                applied_at TEXT    NOT NULL
            )
            """;
    }

    /// <summary>SQL Server only.</summary>
    public static class SqlServer
    {
        public const string CreateJournal = """
            IF OBJECT_ID(N'dbo.schema_migrations', N'U') IS NULL
            CREATE TABLE dbo.schema_migrations (
                version    INT            NOT NULL CONSTRAINT pk_schema_migrations PRIMARY KEY,
                name       NVARCHAR(256)  NOT NULL,
                applied_at DATETIMEOFFSET NOT NULL
            )
            """;

        /// <summary>
        /// Held until the migration's transaction ends; waits up to 5 minutes for another process's migration and fails
        /// loudly (a negative result raises) rather than migrating alongside it.
        /// </summary>
        public const string TakeLock = """
            DECLARE @result INT;
            EXEC @result = sp_getapplock @Resource = N'katalyst-schema-migrations', @LockMode = N'Exclusive', @LockOwner = N'Transaction', @LockTimeout = 300000;
            IF @result < 0 THROW 51000, N'Another process holds the Katalyst migration lock (katalyst-schema-migrations) for over 5 minutes.', 1;
            """;

        /// <summary>Creates the database named by @Name when it does not exist (run against master).</summary>
        public const string CreateDatabase = """
            IF DB_ID(@Name) IS NULL
            BEGIN
                DECLARE @sql NVARCHAR(300) = N'CREATE DATABASE ' + QUOTENAME(@Name);
                EXEC (@sql);
            END
            """;
    }
}
