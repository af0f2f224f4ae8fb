using Dapper;
using Microsoft.Data.SqlClient;

namespace Katalyst.Referrals.Store.Migrations;

/// <summary>Creates a SQL Server store's database on a fresh server, so that a first install needs no hand-run script.</summary>
public static class SqlServerDatabase
{
    /// <summary>
    /// Connects to <c>master</c> on the server <paramref name="connectionString"/> names and creates its database
    /// (Initial Catalog) when missing. Returns the database's name.
    /// </summary>
    /// <exception cref="ArgumentException">The connection string names no database.</exception>
    public static async Task<string> CreateIfMissingAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        var builder = new SqlConnectionStringBuilder(connectionString);
        var name = builder.InitialCatalog;
        if (string.IsNullOrWhiteSpace(name) || string.Equals(name, "master", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException("The SQL Server connection string names no database of its own (set Initial Catalog or Database).", nameof(connectionString));
        }

        builder.InitialCatalog = "master";
        await using var connection = new SqlConnection(builder.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(MigrationSql.SqlServer.CreateDatabase, new { Name = name }, cancellationToken: cancellationToken));
        return name;
    }
}
