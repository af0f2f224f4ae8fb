using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Katalyst.Referrals.Store;

/// <summary>
/// Checks at start-up that <c>Store:ConnectionString</c> suits <c>Store:Provider</c>, so a wrong store fails at boot
/// with a message naming the key, not at the first query.
/// </summary>
internal sealed class StoreOptionsValidation : IValidateOptions<StoreOptions>
{
    public ValidateOptionsResult Validate(string? name, StoreOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return ValidateOptionsResult.Fail("Store:ConnectionString is empty.");
        }

        try
        {
            if (options.Provider == StoreProvider.Sqlite)
            {
                var sqlite = new SqliteConnectionStringBuilder(options.ConnectionString);
                return string.IsNullOrWhiteSpace(sqlite.DataSource)
                    ? ValidateOptionsResult.Fail("Store:ConnectionString names no SQLite Data Source (e.g. 'Data Source=data/katalyst.db').")
                    : ValidateOptionsResult.Success;
            }

            var sqlServer = new SqlConnectionStringBuilder(options.ConnectionString);
            return string.IsNullOrWhiteSpace(sqlServer.DataSource)
                ? ValidateOptionsResult.Fail("Store:ConnectionString names no SQL Server (Server=...) while Store:Provider is SqlServer.")
                : ValidateOptionsResult.Success;
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or KeyNotFoundException)
        {
            return ValidateOptionsResult.Fail($"Store:ConnectionString is not a valid {options.Provider} connection string: {ex.Message}");
        }
    }
}
