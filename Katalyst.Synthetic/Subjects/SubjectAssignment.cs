using Katalyst.Synthetic.Sampling;

namespace Katalyst.Synthetic.Subjects;

/// <summary>
/// The one sequential step of a run: report IDs, whether a suspect is reported, and who the true suspect is,
/// for every package index. It is cheap (a few ints per package) and lets packages then be generated in any
/// order while still referring to earlier reports of the same suspect.
/// </summary>
/// <remarks>
/// Repeat subjects follow a Yule (preferential attachment) process: about a third of referrals reuse the
/// suspect of a uniformly chosen earlier referral, so suspects already seen often are reused more often.
/// That gives a Zipf-like tail: a few suspects appear in 10–30 referrals of a few thousand.
/// </remarks>
internal sealed class SubjectAssignment
{
    public const double ReuseRate = 1.0 / 3.0;
    public const double PersonReportedRate = 0.95;

    private readonly int[] _subjectOf;
    private readonly bool[] _hasPerson;
    private readonly int[] _previousSameSubject;
    private readonly int[] _occurrences;

    private SubjectAssignment(long[] reportIds, int[] subjectOf, bool[] hasPerson, int[] previous, int[] occurrences)
    {
        ReportIds = reportIds;
        _subjectOf = subjectOf;
        _hasPerson = hasPerson;
        _previousSameSubject = previous;
        _occurrences = occurrences;
    }

    public long[] ReportIds { get; }

    public static SubjectAssignment Plan(int seed, int count)
    {
        var batch = SeedMix.Random(seed, RandomStream.Batch, 0);
        var reportId = 150_000_000L + batch.Next(0, 40_000_000);
        var reportIds = new long[count];
        var subjectOf = new int[count];
        var hasPerson = new bool[count];
        var previous = new int[count];
        var lastIndexOfSubject = new Dictionary<int, int>();
        var personIndices = new List<int>();
        var occurrences = new List<int>();

        for (var i = 0; i < count; i++)
        {
            var rng = SeedMix.Random(seed, RandomStream.Plan, i);
            reportId += rng.Next(1, 8);
            reportIds[i] = reportId;
            hasPerson[i] = rng.Chance(PersonReportedRate);
            int subject;
            if (hasPerson[i] && personIndices.Count > 0 && rng.Chance(ReuseRate))
            {
                subject = subjectOf[personIndices[rng.Next(personIndices.Count)]];
            }
            else
            {
                subject = occurrences.Count;
                occurrences.Add(0);
            }

            subjectOf[i] = subject;
            previous[i] = lastIndexOfSubject.GetValueOrDefault(subject, -1);
            if (hasPerson[i])
            {
                occurrences[subject]++;
                personIndices.Add(i);
                lastIndexOfSubject[subject] = i;
            }
        }

        return new SubjectAssignment(reportIds, subjectOf, hasPerson, previous, [.. occurrences]);
    }

    public int SubjectOf(int index) => _subjectOf[index];

    public bool HasPerson(int index) => _hasPerson[index];

    public static string SubjectLabel(int subject) => $"S{subject:D7}";

    /// <summary>The suspect is reported here and in at least one other referral of the batch.</summary>
    public bool IsRepeat(int index) => _hasPerson[index] && _occurrences[_subjectOf[index]] >= 2;

    /// <summary>Report IDs of earlier referrals about the same suspect, newest first.</summary>
    public IReadOnlyList<long> EarlierReports(int index, int max)
    {
        var found = new List<long>();
        for (var j = _previousSameSubject[index]; j >= 0 && found.Count < max; j = _previousSameSubject[j])
        {
            found.Add(ReportIds[j]);
        }

        return found;
    }
}
