using System.Text.RegularExpressions;

namespace Katalyst.Synthetic.Tests;

[Collection(GeneratedBatchCollection.Name)]
public sealed partial class SubjectTests(GeneratedBatch batch)
{
    [GeneratedRegex("[^0-9]")]
    private static partial Regex NonDigits();

    private static string PhoneKey(string raw)
    {
        var digits = NonDigits().Replace(raw, "");
        return digits[^10..];
    }

    private static string EmailKey(string raw)
    {
        var lower = raw.ToLowerInvariant();
        var at = lower.IndexOf('@');
        var (local, domain) = (lower[..at], lower[(at + 1)..]);
        if (domain is "gmail.com" or "googlemail.com")
        {
            local = local.Split('+')[0].Replace(".", "");
            domain = "gmail.com";
        }

        return local + "@" + domain;
    }

    [Fact]
    public void Subjects_AboutAThirdOfReferralsReuseAnEarlierSuspect()
    {
        var seen = new HashSet<string>();
        var reuses = batch.Subjects.OrderBy(s => s.Key).Count(s => !seen.Add(s.Value));
        var perSubject = batch.Subjects.Values.GroupBy(s => s).Select(g => g.Count()).OrderDescending().ToList();

        Assert.InRange((double)reuses / batch.Subjects.Count, 0.27, 0.38);
        Assert.InRange(perSubject[0], 10, 60);
        Assert.True(perSubject.Count(c => c >= 10) >= 2, "a few suspects should appear in 10 or more referrals");
    }

    [Fact]
    public void RepeatSubjects_ShowIdentifiersInVariedSurfaceForms()
    {
        var phoneForms = new Dictionary<string, HashSet<string>>();
        var emailForms = new Dictionary<string, HashSet<string>>();
        foreach (var group in batch.Subjects.GroupBy(s => s.Value).Where(g => g.Count() >= 3))
        {
            foreach (var (id, _) in group)
            {
                var person = batch.Reports[id].Descendants("personOrUserReported").SingleOrDefault();
                foreach (var phone in person?.Descendants("phone") ?? [])
                {
                    Add(phoneForms, group.Key + PhoneKey(phone.Value), phone.Value);
                }

                foreach (var email in person?.Descendants("email") ?? [])
                {
                    Add(emailForms, group.Key + EmailKey(email.Value), email.Value);
                }
            }
        }

        Assert.True(phoneForms.Values.Count(f => f.Count >= 2) >= 5, "phones of repeat subjects should appear in several forms");
        Assert.True(emailForms.Values.Count(f => f.Count >= 2) >= 5, "emails of repeat subjects should appear in several forms");
        var allPhones = phoneForms.Values.SelectMany(f => f).ToList();
        Assert.Contains(allPhones, p => p.StartsWith("+92", StringComparison.Ordinal));
        Assert.Contains(allPhones, p => p.StartsWith("0092", StringComparison.Ordinal));
        Assert.Contains(allPhones, p => p.StartsWith("03", StringComparison.Ordinal));
    }

    [Fact]
    public void SharedIdentifiers_CarrierNatAndGenericEmails_SpanUnrelatedSuspects()
    {
        var natUsers = batch.Reports.Where(r => r.Value.Descendants("ipAddress").Any(ip => ip.Value == "39.32.0.1"))
            .Select(r => batch.Subjects[r.Key]).Distinct().Count();
        var genericUsers = batch.Reports.Where(r => r.Value.Descendants("email").Any(e => e.Value == "test@gmail.com"))
            .Select(r => batch.Subjects[r.Key]).Distinct().Count();

        Assert.True(natUsers >= 10, $"NAT address used by {natUsers} suspects");
        Assert.True(genericUsers >= 2, $"generic email used by {genericUsers} suspects");
    }

    [Fact]
    public void PriorCTReports_AboutFivePercentOfPersons()
    {
        var persons = batch.Reports.Values.SelectMany(r => r.Descendants("personOrUserReported")).ToList();
        var withPrior = persons.Count(p => p.Elements("priorCTReports").Any());

        Assert.InRange((double)withPrior / persons.Count, 0.03, 0.07);
    }

    private static void Add(Dictionary<string, HashSet<string>> forms, string key, string raw)
    {
        if (!forms.TryGetValue(key, out var set))
        {
            forms[key] = set = [];
        }

        set.Add(raw);
    }
}
