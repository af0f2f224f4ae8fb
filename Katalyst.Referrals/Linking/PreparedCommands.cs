using System.Data;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Katalyst.Referrals.Store;

namespace Katalyst.Referrals.Linking;

/// <summary>
/// The linker's commands, each created once per connection and run again for every referral. Microsoft.Data.Sqlite
/// prepares a statement (and compiles its triggers) every time a new command runs it, which is what a Dapper call
/// does; a command kept and re-run keeps its prepared statements, so a long import prepares each statement once.
/// Parameters are bound by name with explicit types, so SQL Server sees one plan per statement too.
/// </summary>
internal sealed class PreparedCommands
{
    private static readonly ConditionalWeakTable<DbConnection, PreparedCommands> ByConnection = [];

    private readonly DbConnection connection;
    private readonly Dictionary<string, DbCommand> commands = new(StringComparer.Ordinal);

    private PreparedCommands(DbConnection connection) => this.connection = connection;

    /// <summary>The commands kept for <paramref name="connection"/>; they go when the connection object does.</summary>
    public static PreparedCommands For(DbConnection connection) => ByConnection.GetValue(connection, c => new PreparedCommands(c));

    /// <summary><paramref name="sql"/>'s command in <paramref name="transaction"/>, with <paramref name="parameters"/> bound.</summary>
    public DbCommand Command(string sql, DbTransaction transaction, IReadOnlyList<(string Name, object Value)> parameters)
    {
        if (!commands.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
#pragma warning disable CA2100 // Every caller passes a const string from LinkingSql; values only travel as parameters.
            command.CommandText = sql;
#pragma warning restore CA2100
            commands.Add(sql, command);
        }

        command.Transaction = transaction;
        foreach (var (name, value) in parameters)
        {
            Bind(command, name, value);
        }

        return command;
    }

    private static void Bind(DbCommand command, string name, object value)
    {
        var parameter = command.Parameters.Contains(name) ? command.Parameters[name] : Add(command, name);
        switch (value)
        {
            case DateTimeOffset timestamp:
                StoreTypeHandlers.SetTimestamp(parameter, timestamp);
                break;
            case string text:
                parameter.DbType = DbType.String;
                parameter.Size = -1; // nvarchar(max) on SQL Server: JSON parameters can be long
                parameter.Value = text;
                break;
            case long number:
                parameter.DbType = DbType.Int64;
                parameter.Value = number;
                break;
            case int number:
                parameter.DbType = DbType.Int32;
                parameter.Value = number;
                break;
            default:
                throw new ArgumentException($"Parameter {name} has a type the linker does not bind: {value.GetType().Name}.", nameof(value));
        }
    }

    private static DbParameter Add(DbCommand command, string name)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        command.Parameters.Add(parameter);
        return parameter;
    }
}
