namespace Forecaster.Cli;

/// <summary>Reports each message at once on the caller's thread: <see cref="Progress{T}"/> posts to the thread pool, and messages must print in order.</summary>
internal sealed class SynchronousProgress(Action<string> report) : IProgress<string>
{
    public void Report(string value) => report(value);
}
