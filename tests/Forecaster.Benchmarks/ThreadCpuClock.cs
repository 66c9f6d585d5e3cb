using System.Runtime.InteropServices;

namespace Forecaster.Benchmarks;

/// <summary>
/// CPU time of the calling thread (Linux clock_gettime(CLOCK_THREAD_CPUTIME_ID)); zero elsewhere. On a shared machine wall
/// time per stage mostly measures the neighbours, while a stage's own CPU time says what the stage costs.
/// </summary>
internal static class ThreadCpuClock
{
    private const int ClockThreadCpuTime = 3;

    public static TimeSpan Now()
    {
        if (!OperatingSystem.IsLinux() || clock_gettime(ClockThreadCpuTime, out var time) != 0) return TimeSpan.Zero;
        return TimeSpan.FromSeconds(time.Seconds) + TimeSpan.FromTicks(time.Nanoseconds / 100);
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int clock_gettime(int clock, out Timespec time);
}
