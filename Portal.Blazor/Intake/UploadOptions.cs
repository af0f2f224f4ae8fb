using System.ComponentModel.DataAnnotations;

namespace Katalyst.Portal.Intake;

/// <summary>The <c>Uploads</c> configuration section: packages uploaded through the portal.</summary>
public sealed class UploadOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string Section = "Uploads";

    /// <summary>
    /// Folder where each upload is kept as received, before and after its import (a rejected package stays there for
    /// a person to look at). Default <c>data/uploads</c>.
    /// </summary>
    [Required(AllowEmptyStrings = false)]
    public string Path { get; set; } = "data/uploads";

    /// <summary>Largest upload accepted, in bytes. Default 2 GiB.</summary>
    [Range(1, long.MaxValue)]
    public long MaxBytes { get; set; } = 2L * 1024 * 1024 * 1024;
}
