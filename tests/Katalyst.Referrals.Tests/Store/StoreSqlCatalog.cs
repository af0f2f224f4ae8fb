using System.Reflection;
using Katalyst.Referrals.Store;

namespace Katalyst.Referrals.Tests.Store;

/// <summary>
/// Every SQL statement of the store, found by reflection: the <c>const string</c> fields of the nested
/// <c>Shared</c>, <c>Sqlite</c> and <c>SqlServer</c> classes of each <c>*Sql</c> class. A new query is covered
/// by the parse and prepare tests without anyone listing it.
/// </summary>
internal static class StoreSqlCatalog
{
    public static IEnumerable<(string Name, string Sql)> For(string dialect) =>
        typeof(StoreDataSource).Assembly.GetTypes()
            .Where(t => t.IsNested && t.Name == dialect && t.DeclaringType!.Name.EndsWith("Sql", StringComparison.Ordinal))
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
                .Where(f => f.IsLiteral && f.FieldType == typeof(string))
                .Select(f => ($"{t.DeclaringType!.Name}.{t.Name}.{f.Name}", (string)f.GetRawConstantValue()!)));

    public static TheoryData<string> Names(params string[] dialects)
    {
        var data = new TheoryData<string>();
        foreach (var dialect in dialects)
        {
            foreach (var (name, _) in For(dialect))
            {
                data.Add(name);
            }
        }

        return data;
    }

    public static string Sql(string name)
    {
        var parts = name.Split('.');
        return For(parts[1]).Single(q => q.Name == name).Sql;
    }
}
