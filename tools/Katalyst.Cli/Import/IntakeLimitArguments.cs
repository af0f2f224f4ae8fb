using System.CommandLine;
using Katalyst.Referrals.Intake;

namespace Katalyst.Cli.Import;

/// <summary>The bounds hostile input cannot pass, as <c>import</c> options; defaults are <see cref="IntakeOptions"/>'s.</summary>
internal sealed class IntakeLimitArguments
{
    private static readonly IntakeOptions Defaults = new();

    public Option<long> MaxXmlBytes { get; } = Positive("--max-xml-bytes", "Largest manifest or XML document, in bytes.", Defaults.MaxXmlBytes);

    public Option<long> MaxFileBytes { get; } = Positive("--max-file-bytes", "Largest evidence file, in bytes.", Defaults.MaxFileBytes);

    public Option<long> MaxFiles { get; } = Positive("--max-files", "Most files in one package.", Defaults.MaxFilesPerPackage);

    public Option<long> MaxImagePixels { get; } = Positive("--max-image-pixels", "Largest image, in pixels (read from its header).", Defaults.MaxImagePixels);

    public void AddTo(Command command)
    {
        command.Options.Add(MaxXmlBytes);
        command.Options.Add(MaxFileBytes);
        command.Options.Add(MaxFiles);
        command.Options.Add(MaxImagePixels);
    }

    public IntakeOptions Read(ParseResult result) => new()
    {
        MaxXmlBytes = result.GetValue(MaxXmlBytes),
        MaxFileBytes = result.GetValue(MaxFileBytes),
        MaxFilesPerPackage = (int)Math.Min(int.MaxValue, result.GetValue(MaxFiles)),
        MaxImagePixels = result.GetValue(MaxImagePixels),
    };

    private static Option<long> Positive(string name, string description, long defaultValue)
    {
        var option = new Option<long>(name)
        {
            Description = $"{description} Default {defaultValue:N0}.",
            DefaultValueFactory = _ => defaultValue,
        };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<long>() < 1)
            {
                result.AddError($"{name} must be at least 1.");
            }
        });
        return option;
    }
}
