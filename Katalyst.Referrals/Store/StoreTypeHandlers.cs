using System.Data;
using System.Globalization;
using Dapper;

namespace Katalyst.Referrals.Store;

/// <summary>
/// Lets one Dapper row type read timestamps from both dialects: SQL Server returns
/// <see cref="DateTimeOffset"/>, SQLite returns ISO-8601 text.
/// </summary>
internal static class StoreTypeHandlers
{
    private static int registered;

    public static void Register()
    {
        if (Interlocked.Exchange(ref registered, 1) == 0)
        {
            SqlMapper.AddTypeHandler(new DateTimeOffsetHandler());
            DefaultTypeMap.MatchNamesWithUnderscores = true;
        }
    }

    private sealed class DateTimeOffsetHandler : SqlMapper.TypeHandler<DateTimeOffset>
    {
        public override DateTimeOffset Parse(object value) => value switch
        {
            DateTimeOffset offset => offset,
            DateTime dateTime => new DateTimeOffset(DateTime.SpecifyKind(dateTime, DateTimeKind.Utc)),
            string text => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
            _ => throw new DataException($"Cannot read a timestamp from a {value.GetType().Name}."),
        };

        public override void SetValue(IDbDataParameter parameter, DateTimeOffset value) => SetTimestamp(parameter, value);
    }

    // Always stored in UTC so that text timestamps in SQLite sort in time order. Also used by statements that bind
    // their parameters without Dapper (the linker's prepared commands), so both write the same text.
    public static void SetTimestamp(IDbDataParameter parameter, DateTimeOffset value)
    {
        var utc = value.ToUniversalTime();
        if (parameter is Microsoft.Data.Sqlite.SqliteParameter)
        {
            parameter.DbType = DbType.String;
            parameter.Value = utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
        }
        else
        {
            parameter.DbType = DbType.DateTimeOffset;
            parameter.Value = utc;
        }
    }
}
