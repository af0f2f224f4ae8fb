using System.CommandLine;
using Katalyst.Cli.Console;
using Katalyst.Referrals.Geography;
using Katalyst.Referrals.Store;
using Katalyst.Referrals.Store.Routing;

namespace Katalyst.Cli.Import;

/// <summary>
/// <c>katalyst import</c>'s routing step: when the store holds routing rules (set at the portal's /admin/routing),
/// every unrouted referral is located and routed right after the import, as the portal would. Without rules the
/// referrals are left for the portal, which routes them once an admin has set rules.
/// </summary>
internal sealed class ImportRouting
{
    public Option<string?> IpDatabase { get; } = new("--ip-database") { Description = "The agency's IP database in MaxMind's format (City type), for routing." };

    public Option<string?> IpRanges { get; } = new("--ip-ranges") { Description = "The agency's CSV of IP ranges (start,end,country,province,district), for routing." };

    public void AddTo(Command command)
    {
        command.Options.Add(IpDatabase);
        command.Options.Add(IpRanges);
    }

    public GeographyOptions Read(ParseResult result) => new() { IpDatabasePath = result.GetValue(IpDatabase), IpRangesPath = result.GetValue(IpRanges) };

    /// <summary>Routes what is unrouted when rules exist; false when the IP data could not be read.</summary>
    public static async Task<bool> RouteAsync(StoreDataSource dataSource, GeographyOptions options, CancellationToken cancellationToken)
    {
        if ((await new RoutingRuleStore(dataSource).ListAsync(cancellationToken)).Count == 0)
        {
            System.Console.WriteLine("Routed:          0 (the store has no routing rules yet: the portal routes once an admin sets them)");
            return true;
        }

        IReadOnlyList<IIpLocations> lookups;
        try
        {
            lookups = options.OpenIpLocations();
        }
        catch (InvalidDataException ex)
        {
            await System.Console.Error.WriteLineAsync($"katalyst import: {ex.Message} The import itself is stored; nothing was routed.");
            return false;
        }

        try
        {
            var run = new ReferralRoutingRun(dataSource, new ReferralLocator(options, lookups), options.AgencyCountry);
            var routed = await Terminal.WithProgressAsync("Routing referrals", null, report => run.RouteUnroutedAsync(new InlineProgress<int>(report), cancellationToken));
            System.Console.WriteLine($"Routed: {routed,9:N0}");
            return true;
        }
        finally
        {
            foreach (var lookup in lookups.OfType<IDisposable>())
            {
                lookup.Dispose();
            }
        }
    }
}
