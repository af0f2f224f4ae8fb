using Katalyst.Portal.Tests.Hosting;
using Katalyst.Referrals.Store.Detail;

namespace Katalyst.Portal.Tests.Evidence;

/// <summary>Files of the imported test referrals picked for evidence tests, with the referral they belong to.</summary>
public static class EvidenceFiles
{
    /// <summary>A generated image the ESP viewed (open to case work), with bytes.</summary>
    public static Task<(long ReportId, ReferralFileView File)> OpenImageAsync(ImportedPortalServer server) =>
        FindAsync(server, f => f.ViewedByEsp == true && f.Type.StartsWith("image", StringComparison.Ordinal), "an image the ESP viewed");

    /// <summary>A generated file the ESP said it did not view (locked by default), with bytes.</summary>
    public static Task<(long ReportId, ReferralFileView File)> LockedAsync(ImportedPortalServer server) =>
        FindAsync(server, f => f.ViewedByEsp == false, "a file the ESP did not view");

    /// <summary>
    /// A generated referral holding both an open image and a locked image, each with bytes: the acceptance test puts
    /// it at the top of the queue.
    /// </summary>
    public static async Task<(long ReportId, ReferralFileView Open, ReferralFileView Locked)> MixedReferralAsync(ImportedPortalServer server)
    {
        var query = server.DetailQuery();
        foreach (var id in server.Generated)
        {
            var files = (await query.GetAsync(id, TestContext.Current.CancellationToken))!.Files.Where(f => f.Sha256 is not null && IsImage(f)).ToList();
            var open = files.FirstOrDefault(f => f.ViewedByEsp == true);
            var locked = files.FirstOrDefault(f => f.ViewedByEsp == false);
            if (open is not null && locked is not null)
            {
                return (id, open, locked);
            }
        }

        throw new InvalidOperationException($"No generated referral (seed {ImportedPortalServer.Seed}) holds both an open and a locked image.");
    }

    private static bool IsImage(ReferralFileView file) => file.Type.StartsWith("image", StringComparison.Ordinal);

    private static async Task<(long, ReferralFileView)> FindAsync(ImportedPortalServer server, Func<ReferralFileView, bool> wanted, string what)
    {
        var query = server.DetailQuery();
        foreach (var id in server.Generated)
        {
            var file = (await query.GetAsync(id, TestContext.Current.CancellationToken))!.Files.FirstOrDefault(f => f.Sha256 is not null && wanted(f));
            if (file is not null)
            {
                return (id, file);
            }
        }

        throw new InvalidOperationException($"No generated referral (seed {ImportedPortalServer.Seed}) holds {what} with bytes.");
    }
}
