namespace Katalyst.Referrals.Linking;

/// <summary>Connected components of referrals joined by links (union-find with path halving). Pure.</summary>
public static class Components
{
    /// <summary>The groups of <paramref name="nodes"/> that <paramref name="edges"/> connect; every node is in exactly one.</summary>
    public static IReadOnlyList<IReadOnlyList<long>> Of(IEnumerable<long> nodes, IEnumerable<(long A, long B)> edges)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentNullException.ThrowIfNull(edges);
        var parent = new Dictionary<long, long>();
        foreach (var node in nodes)
        {
            parent[node] = node;
        }

        long Find(long x)
        {
            while (parent[x] != x)
            {
                parent[x] = parent[parent[x]];
                x = parent[x];
            }

            return x;
        }

        foreach (var (a, b) in edges)
        {
            if (!parent.ContainsKey(a) || !parent.ContainsKey(b))
            {
                continue; // an end outside the node set joins nothing here
            }

            var (ra, rb) = (Find(a), Find(b));
            if (ra != rb)
            {
                parent[Math.Max(ra, rb)] = Math.Min(ra, rb);
            }
        }

        return parent.Keys.GroupBy(Find).Select(g => (IReadOnlyList<long>)g.Order().ToList()).ToList();
    }
}
