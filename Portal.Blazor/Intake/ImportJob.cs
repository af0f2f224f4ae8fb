using Katalyst.Referrals.Intake.Import;

namespace Katalyst.Portal.Intake;

/// <summary>Where an uploaded package's import stands.</summary>
public enum ImportJobState
{
    /// <summary>Uploaded; waiting for the importer.</summary>
    Queued,

    /// <summary>Being imported.</summary>
    Running,

    /// <summary>Finished: see the summary lines (some packages may have been rejected).</summary>
    Finished,

    /// <summary>The import stopped on an error it could not attribute to one package; the upload is kept.</summary>
    Failed,
}

/// <summary>One upload and its import, as the intake page shows it. Updated by <see cref="BackgroundImports"/>.</summary>
public sealed class ImportJob(string fileName, string storedPath, string uploadedBy, DateTimeOffset uploadedAt, int? expectedPackages)
{
    /// <summary>The name the file had on the uploader's machine.</summary>
    public string FileName { get; } = fileName;

    /// <summary>Where the upload is kept as received.</summary>
    public string StoredPath { get; } = storedPath;

    /// <summary>Who uploaded it.</summary>
    public string UploadedBy { get; } = uploadedBy;

    /// <summary>When the upload finished.</summary>
    public DateTimeOffset UploadedAt { get; } = uploadedAt;

    /// <summary>Packages the upload seems to hold, when that can be told before importing.</summary>
    public int? ExpectedPackages { get; } = expectedPackages;

    /// <summary>Where the import stands.</summary>
    public ImportJobState State { get; internal set; } = ImportJobState.Queued;

    /// <summary>Counts so far.</summary>
    public ImportProgress Progress { get; internal set; } = new(0, 0, 0, 0, 0);

    /// <summary>The import's summary in the same words as <c>katalyst import</c> prints, once finished (or the error).</summary>
    public IReadOnlyList<string> Lines { get; internal set; } = [];
}
