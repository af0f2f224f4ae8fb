using Katalyst.Referrals.Store;

namespace Katalyst.Referrals.Tests.Store;

public sealed class StoreOptionsValidationTests
{
    [Theory]
    [InlineData(StoreProvider.Sqlite, "Data Source=data/katalyst.db")]
    [InlineData(StoreProvider.SqlServer, "Server=db.agency.local;Database=katalyst;Integrated Security=true;Encrypt=true")]
    public void Validate_SuitableConnectionString_Succeeds(StoreProvider provider, string connectionString)
    {
        var result = new StoreOptionsValidation().Validate(null, new StoreOptions { Provider = provider, ConnectionString = connectionString });

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Theory]
    [InlineData(StoreProvider.Sqlite, "Mode=Memory", "names no SQLite Data Source")]
    [InlineData(StoreProvider.Sqlite, "this is not a connection string", "not a valid Sqlite connection string")]
    [InlineData(StoreProvider.SqlServer, "Database=katalyst", "names no SQL Server")]
    [InlineData(StoreProvider.SqlServer, "Server=x;Bogus Key=1", "not a valid SqlServer connection string")]
    [InlineData(StoreProvider.Sqlite, " ", "is empty")]
    public void Validate_UnsuitableConnectionString_FailsNamingTheKey(StoreProvider provider, string connectionString, string reason)
    {
        var result = new StoreOptionsValidation().Validate(null, new StoreOptions { Provider = provider, ConnectionString = connectionString });

        Assert.True(result.Failed);
        Assert.Contains("Store:ConnectionString", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains(reason, result.FailureMessage, StringComparison.Ordinal);
    }
}
