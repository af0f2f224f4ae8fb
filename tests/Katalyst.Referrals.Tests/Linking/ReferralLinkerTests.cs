using Katalyst.Referrals.Linking;

namespace Katalyst.Referrals.Tests.Linking;

public sealed class ReferralLinkerTests
{
    private const string Email = IdentifierKinds.Email;
    private const string Phone = IdentifierKinds.Phone;
    private const string Ip = IdentifierKinds.Ip;

    [Fact]
    public async Task LinkAsync_NothingShared_OwnSubject()
    {
        await using var f = await LinkerFixture.CreateAsync();

        await f.AddAsync(1, (Email, "a@gmail.com"));
        await f.AddAsync(2, (Email, "b@gmail.com"));

        Assert.Equal([[1], [2]], await f.SubjectsAsync());
    }

    [Fact]
    public async Task LinkAsync_SharedEmail_OneSubjectAndTheLinkSaysWhy()
    {
        await using var f = await LinkerFixture.CreateAsync();

        await f.AddAsync(1, (Email, "a@gmail.com"));
        var outcome = await f.AddAsync(2, (Email, "a@gmail.com"), (Phone, "+923001234567"));

        Assert.Equal(1, outcome.Links);
        Assert.Equal([[1, 2]], await f.SubjectsAsync());
        Assert.Equal("email a@gmail.com", await f.ScalarAsync<string>("SELECT kind || ' ' || value FROM referral_links WHERE report_a = 1 AND report_b = 2"));
    }

    [Fact]
    public async Task LinkAsync_ReferralBridgesTwoSubjects_MergedIntoTheOlder()
    {
        await using var f = await LinkerFixture.CreateAsync();
        var first = await f.AddAsync(1, (Email, "a@gmail.com"));
        await f.AddAsync(2, (Email, "a@gmail.com"));
        await f.AddAsync(3, (Phone, "+923001234567"));
        await f.AddAsync(4, (Phone, "+923001234567"));

        var bridge = await f.AddAsync(5, (Email, "a@gmail.com"), (Phone, "+923001234567"));

        Assert.Equal([[1, 2, 3, 4, 5]], await f.SubjectsAsync());
        Assert.Equal(first.SubjectId, bridge.SubjectId);
        Assert.Equal(1, await f.ScalarAsync<long>("SELECT COUNT(*) FROM subjects s WHERE EXISTS (SELECT 1 FROM referral_subjects m WHERE m.subject_id = s.subject_id)"));
    }

    [Fact]
    public async Task LinkAsync_IdentifierAboveThreshold_IgnoredWithItsCount()
    {
        var options = new LinkingOptions { Thresholds = { [Ip] = 2 } };
        await using var f = await LinkerFixture.CreateAsync(options);
        await f.AddAsync(1, (Ip, "39.32.0.1"));
        await f.AddAsync(2, (Ip, "39.32.0.1"));

        var third = await f.AddAsync(3, (Ip, "39.32.0.1"));

        Assert.Equal(0, third.Links);
        Assert.Equal(1, third.Ignored);
        Assert.Equal([[1], [2], [3]], await f.SubjectsAsync());
        Assert.Equal(3, await f.ScalarAsync<long>("SELECT referral_count FROM referral_ignored_identifiers WHERE report_id = 3 AND kind = 'ip'"));
    }

    [Fact]
    public async Task LinkAsync_IdentifierBecomesCommon_EarlierLinksRetractedAndSubjectSplit()
    {
        var options = new LinkingOptions { Thresholds = { [Ip] = 3 } };
        await using var f = await LinkerFixture.CreateAsync(options);
        await f.AddAsync(1, (Ip, "39.32.0.1"), (Email, "a@gmail.com"));
        await f.AddAsync(2, (Ip, "39.32.0.1"), (Email, "a@gmail.com"));
        await f.AddAsync(3, (Ip, "39.32.0.1"));
        Assert.Equal([[1, 2, 3]], await f.SubjectsAsync());

        await f.AddAsync(4, (Ip, "39.32.0.1"));

        // 1 and 2 still share an e-mail; 3 was held only by the address, now too common to mean anything.
        Assert.Equal([[1, 2], [3], [4]], await f.SubjectsAsync());
        Assert.Equal(3, await f.ScalarAsync<long>("SELECT COUNT(*) FROM referral_links WHERE kind = 'ip' AND retracted_count = 4"));
        Assert.Equal(4, await f.ScalarAsync<long>("SELECT COUNT(*) FROM referral_ignored_identifiers WHERE kind = 'ip'"));
    }

    [Fact]
    public async Task LinkAsync_ThresholdZero_RecordedButNeverLinks()
    {
        var options = new LinkingOptions { Thresholds = { [Ip] = 0 } };
        await using var f = await LinkerFixture.CreateAsync(options);
        await f.AddAsync(1, (Ip, "39.32.0.1"));

        var second = await f.AddAsync(2, (Ip, "39.32.0.1"));

        Assert.Equal(1, second.Ignored);
        Assert.Equal([[1], [2]], await f.SubjectsAsync());
        Assert.Equal(2, await f.ScalarAsync<long>("SELECT referral_count FROM identifier_counts WHERE kind = 'ip' AND value = '39.32.0.1'"));
    }

    [Fact]
    public async Task LinkAsync_AnyArrivalOrder_SameSubjectsAsBatchGrouping()
    {
        var options = new LinkingOptions { Thresholds = { [Ip] = 3 } };
        (long Id, (string, string)[] Ids)[] referrals =
        [
            (1, [(Ip, "1.1.1.1"), (Email, "a@x.pk")]), (2, [(Ip, "1.1.1.1")]), (3, [(Email, "a@x.pk"), (Phone, "+92300")]),
            (4, [(Ip, "1.1.1.1"), (Phone, "+92300")]), (5, [(Ip, "1.1.1.1")]), (6, [(Phone, "+92301")]), (7, [(Phone, "+92301"), (Ip, "2.2.2.2")]),
            (8, [(Ip, "2.2.2.2")]),
        ];
        var batch = SubjectGrouping.Group(referrals.Select(r => r.Id),
            referrals.SelectMany(r => r.Ids.Select(i => (r.Id, i.Item1, i.Item2))), options).Select(g => g.ToArray()).OrderBy(g => g[0]).ToArray();

        foreach (var order in new[] { referrals, referrals.Reverse().ToArray(), referrals.OrderBy(r => r.Id % 3).ToArray() })
        {
            await using var f = await LinkerFixture.CreateAsync(options);
            foreach (var (id, ids) in order)
            {
                await f.AddAsync(id, ids);
            }

            Assert.Equal(batch, await f.SubjectsAsync());
        }
    }
}
