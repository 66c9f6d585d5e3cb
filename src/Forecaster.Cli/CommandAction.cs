using System.CommandLine;
using Spectre.Console;

namespace Forecaster.Cli;

/// <summary>
/// Wraps a command's body so every failure the user can act on ends as one line on standard error and a non-zero exit:
/// 1 for bad input or a failed stage, 2 for a bug (an exception Forecaster did not expect), 130 when cancelled.
/// </summary>
public static class CommandAction
{
    /// <summary>Sets <paramref name="body"/> as the command's action.</summary>
    public static void Set(Command command, Func<ParseResult, CancellationToken, Task<int>> body) =>
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            try
            {
                return await body(parseResult, cancellationToken);
            }
            catch (ForecasterException e)
            {
                return Fail(e.Message, 1);
            }
            catch (ArgumentException e)
            {
                // Option values out of range reach the services as ArgumentExceptions; their message names the option.
                return Fail(e is ArgumentOutOfRangeException { Message: var m } ? m.Split(" (Parameter")[0].Split(Environment.NewLine)[0] : e.Message.Split(" (Parameter")[0], 1);
            }
            catch (OperationCanceledException)
            {
                return Fail("cancelled", 130);
            }
            catch (Exception e)
            {
                return Fail($"unexpected {e.GetType().Name}: {e.Message.Split('\n')[0]}", 2);
            }
        });

    private static int Fail(string message, int code)
    {
        Console.Error.WriteLine($"error: {message}");
        return code;
    }

    /// <summary>Runs work under a spinner when the console is interactive; plain lines otherwise (CI, pipes).</summary>
    public static async Task<T> WithProgressAsync<T>(string title, Func<IProgress<string>, Task<T>> work)
    {
        if (Console.IsOutputRedirected || !AnsiConsole.Profile.Capabilities.Interactive)
            return await work(new SynchronousProgress(Console.WriteLine));
        return await AnsiConsole.Status().StartAsync(title, async context =>
            await work(new SynchronousProgress(message =>
            {
                AnsiConsole.MarkupLine($"[grey]{Markup.Escape(message)}[/]");
                context.Status(Markup.Escape(message));
            })));
    }
}
