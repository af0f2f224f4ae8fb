namespace Katalyst.Referrals.Linking;

/// <summary>
/// What happens when an identifier becomes too common: the links it made are retracted (kept, marked), every
/// carrier records it as ignored, and each subject those links held together is split into the groups its remaining
/// links connect. The largest group keeps the subject's id (on a tie, the one holding the lowest report number);
/// each other group gets a new subject.
/// </summary>
internal static class SubjectSplitter
{
    public static async Task RetractAsync(LinkStore store, string kind, string value, int count, long reportId, DateTimeOffset now)
    {
        await store.ExecuteAsync(LinkingSql.Shared.RetractLinks, ("@Kind", kind), ("@Value", value), ("@ReferralCount", count), ("@RetractedAt", now));
        var carriers = await store.QueryAsync(LinkingSql.Shared.Carriers, r => LinkStore.Long(r, 0), ("@Kind", kind), ("@Value", value));
        await store.InsertIgnoredAsync([.. carriers.Where(c => c != reportId).Select(c => (c, kind, value, count))], now);
        foreach (var subject in await store.QueryAsync(LinkingSql.Shared.SubjectsLinkedThrough, r => LinkStore.Long(r, 0), ("@Kind", kind), ("@Value", value)))
        {
            await SplitAsync(store, subject, now);
        }
    }

    private static async Task SplitAsync(LinkStore store, long subjectId, DateTimeOffset now)
    {
        var members = await store.QueryAsync(LinkingSql.Shared.Members, r => LinkStore.Long(r, 0), ("@SubjectId", subjectId));
        if (members.Count < 2)
        {
            return;
        }

        var links = await store.QueryAsync(LinkingSql.Shared.ActiveLinksOfSubject, r => (LinkStore.Long(r, 0), LinkStore.Long(r, 1)), ("@SubjectId", subjectId));
        var groups = Components.Of(members, links);
        if (groups.Count < 2)
        {
            return;
        }

        foreach (var group in groups.OrderByDescending(g => g.Count).ThenBy(g => g.Min()).Skip(1))
        {
            var newSubject = await store.ScalarAsync(store.Sqlite ? LinkingSql.Sqlite.NewSubject : LinkingSql.SqlServer.NewSubject, ("@CreatedAt", now));
            foreach (var member in group)
            {
                await store.ExecuteAsync(LinkingSql.Shared.MoveMember, ("@SubjectId", newSubject), ("@ReportId", member));
            }
        }
    }
}
