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
    }
}
