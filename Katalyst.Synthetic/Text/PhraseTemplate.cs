using System.Text;

namespace Katalyst.Synthetic.Text;

/// <summary>
/// Expands templates such as <c>"apni {tasveer|tasvir|tasweer} bhejo"</c> by picking one alternative per
/// brace group, so one phrase is said many ways (Roman Urdu has no fixed spelling).
/// </summary>
internal static class PhraseTemplate
{
    public static string Expand(Random rng, string template)
    {
        if (!template.Contains('{', StringComparison.Ordinal))
        {
            return template;
        }

        var sb = new StringBuilder(template.Length);
        var i = 0;
        while (i < template.Length)
        {
            var open = template.IndexOf('{', i);
            if (open < 0)
            {
                sb.Append(template, i, template.Length - i);
                break;
            }

            var close = template.IndexOf('}', open);
            sb.Append(template, i, open - i);
            var options = template.Substring(open + 1, close - open - 1).Split('|');
            sb.Append(options[rng.Next(options.Length)]);
            i = close + 1;
        }

        return sb.ToString();
    }
}
