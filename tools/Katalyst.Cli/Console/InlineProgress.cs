namespace Katalyst.Cli.Console;

/// <summary>
/// An <see cref="IProgress{T}"/> that reports on the caller's thread. <see cref="Progress{T}"/> posts to the
/// thread pool, which would let the last report arrive after the bar closed.
/// </summary>
internal sealed class InlineProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
