using Microsoft.Extensions.Options;

namespace Katalyst.Portal.Scoring;

/// <summary>Checks <c>Scoring:Server</c> and <c>Scoring:Addresses</c> at start-up, so a wrong address fails the boot naming its key.</summary>
public sealed class PortalScoringOptionsValidation : IValidateOptions<PortalScoringOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, PortalScoringOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        try
        {
            _ = options.Target();
            return ValidateOptionsResult.Success;
        }
        catch (FormatException ex)
        {
            return ValidateOptionsResult.Fail(ex.Message);
        }
    }
}
