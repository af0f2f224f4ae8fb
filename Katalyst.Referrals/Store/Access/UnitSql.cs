namespace Katalyst.Referrals.Store.Access;

/// <summary>The SQL behind <see cref="UnitStore"/>.</summary>
internal static class UnitSql
{
    /// <summary>Statements that read the same on SQLite and SQL Server.</summary>
    public static class Shared
    {
        public const string SelectAll = """
            SELECT id, code, name FROM units ORDER BY name
            """;

        public const string SelectByCode = """
            SELECT id, code, name FROM units WHERE code = @Code
            """;

        public const string Rename = """
            UPDATE units SET name = @Name WHERE id = @Id
            """;
    }

    /// <summary>SQLite only.</summary>
    public static class Sqlite
    {
        public const string Insert = """
            INSERT INTO units (code, name) VALUES (@Code, @Name) RETURNING id
            """;
    }

    /// <summary>SQL Server only.</summary>
    public static class SqlServer
    {
        public const string Insert = """
            INSERT INTO units (code, name) OUTPUT INSERTED.id VALUES (@Code, @Name)
            """;
    }
}
