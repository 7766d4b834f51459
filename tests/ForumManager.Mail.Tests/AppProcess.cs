using System.Diagnostics;
using System.Reflection;
using System.Text;

namespace ForumManager.Mail.Tests;

/// <summary>
/// The built web app, run with <c>dotnet</c> as a process of its own from its own output folder, as it runs when
/// deployed, so that a test can kill it outright.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private AppProcess(Process process) => _process = process;

    /// <summary>What the app wrote to standard output and error, for a failure message.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public bool HasExited => _process.HasExited;

    /// <summary>
    /// Starts the app on <paramref name="url"/> (a free loopback port when not given); settings are given as
    /// environment variables.
    /// </summary>
    public static AppProcess Start(IReadOnlyDictionary<string, string> settings, string url = "http://127.0.0.1:0")
    {
        var start = StartInfo(settings);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(url);
        var process = Process.Start(start) ?? throw new InvalidOperationException("The app did not start.");
        var app = new AppProcess(process);
        process.OutputDataReceived += (_, e) => app.Append(e.Data);
        process.ErrorDataReceived += (_, e) => app.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return app;
    }

    /// <summary>Runs one of the app's command-line verbs (<c>migrate</c>, <c>seed-demo</c>, <c>add-user</c>) to its end; returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunVerbAsync(IReadOnlyDictionary<string, string> settings, IEnumerable<string> arguments, string? input = null)
    {
        var start = StartInfo(settings);
        start.RedirectStandardInput = true;
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("The app did not start.");
        if (input is not null)
        {
            await process.StandardInput.WriteLineAsync(input);
        }

        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }

    private static ProcessStartInfo StartInfo(IReadOnlyDictionary<string, string> settings)
    {
        var dll = FindWebDll();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Testing",
                ["DOTNET_ENVIRONMENT"] = "Testing",
            },
        };
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        start.ArgumentList.Add(dll);
        return start;
    }

    /// <summary>Waits until the app answers 200 on <c>/health</c> at <paramref name="url"/> (90 s at most), failing with what it wrote.</summary>
    public async Task WaitHealthyAsync(Uri url)
    {
        using var probe = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline && !HasExited)
        {
            try
            {
                if ((await probe.GetAsync("/health")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        Assert.Fail($"The app on {url} did not answer /health; it wrote:\n{Output}");
    }

    /// <summary>Ends the process at once with SIGKILL, as a power cut or <c>kill -9</c> would: nothing of it runs after.</summary>
    public async Task KillAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
    }

    /// <summary>
    /// ForumManager.Web.dll as the solution's build of the same configuration as these tests left it, found by going up
    /// from this test assembly to the folder that holds <c>src/ForumManager.Web</c>.
    /// </summary>
    private static string FindWebDll()
    {
        var configuration = typeof(AppProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
        var framework = new DirectoryInfo(AppContext.BaseDirectory).Name;
        var relative = Path.Combine("src", "ForumManager.Web", "bin", configuration, framework, "ForumManager.Web.dll");
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        Assert.Fail($"The built app ({relative}) is not in any folder above {AppContext.BaseDirectory}; build it first: dotnet build ForumManager.sln -c {configuration}");
        return string.Empty;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
