using System.ComponentModel.DataAnnotations;

namespace Katalyst.Referrals.Intake;

/// <summary>The <c>Intake</c> configuration section: the bounds hostile input cannot pass.</summary>
public sealed class IntakeOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string Section = "Intake";

    /// <summary>Largest XML document (report.xml, fileDetails) or manifest, in bytes. Default 64 MiB.</summary>
    [Range(1024, long.MaxValue)]
    public long MaxXmlBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>Largest evidence file, in bytes. Default 4 GiB.</summary>
    [Range(1, long.MaxValue)]
    public long MaxFileBytes { get; set; } = 4L * 1024 * 1024 * 1024;

    /// <summary>Most files (entries under <c>files/</c>) in one package. Default 10,000.</summary>
    [Range(1, int.MaxValue)]
    public int MaxFilesPerPackage { get; set; } = 10_000;

    /// <summary>Largest image, in pixels (width × height), read from its header. Default 200 megapixels.</summary>
    [Range(1, long.MaxValue)]
    public long MaxImagePixels { get; set; } = 200_000_000;

    /// <summary>How many packages are read and parsed at once. Default: the number of processors.</summary>
    [Range(1, 64)]
    public int Parallelism { get; set; } = Environment.ProcessorCount;
}
