using System.ComponentModel.DataAnnotations;

namespace Katalyst.Referrals.Store;

/// <summary>Which database engine holds the referral store.</summary>
public enum StoreProvider
{
    /// <summary>An embedded SQLite file: the default, and what tests use.</summary>
    Sqlite,

    /// <summary>Microsoft SQL Server: the production store.</summary>
    SqlServer,
}

/// <summary>The <c>Store</c> configuration section.</summary>
public sealed class StoreOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string Section = "Store";

    /// <summary>The database engine. Default <see cref="StoreProvider.Sqlite"/>.</summary>
    public StoreProvider Provider { get; set; } = StoreProvider.Sqlite;

    /// <summary>
    /// The ADO.NET connection string. Default <c>Data Source=data/katalyst.db</c> (SQLite, relative to the
    /// working directory; the folder is created on first run). Required for SQL Server.
    /// </summary>
    [Required(AllowEmptyStrings = false)]
    public string ConnectionString { get; set; } = "Data Source=data/katalyst.db";

    /// <summary>
    /// The folder that holds evidence bytes, content-addressed by SHA-256. Default <c>data/evidence</c>.
    /// </summary>
    [Required(AllowEmptyStrings = false)]
    public string EvidencePath { get; set; } = "data/evidence";
}
