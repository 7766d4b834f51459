using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using ForumManager.Mail.Tests;
using ForumManager.Testing;
using Microsoft.Data.Sqlite;

namespace ForumManager.Web.Tests.Scale;

/// <summary>
/// Two real app processes (A and B, Kestrel on two loopback ports) on one SQLite file in WAL mode and one real Redis
/// (Debian's redis-server on a free loopback port), sending mail to one real SMTP server: the way several instances
/// run behind a load balancer. The demo forum has 1,000 delegates, about 150 of them approved; its dates are moved to
/// tomorrow so that the day-before reminder is due as soon as the instances start.
/// </summary>
public sealed class TwoInstances : IAsyncLifetime
{
    public const string OrganizerEmail = "two-instances@forum.test";
    public const string OrganizerPassword = "correct horse battery staple";
    public const int SignInPostsPerMinute = 6;
    public const int ApiRequestsPerMinute = 6;
    public const int Delegates = 1000;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "fm-two-" + Guid.NewGuid().ToString("N")[..8]);
    private Process? _redis;

    public LoopbackSmtpServer Smtp { get; } = new();
    public int RedisPort { get; } = LoopbackPorts.Free();
    public int PortA { get; } = LoopbackPorts.Free();
    public int PortB { get; } = LoopbackPorts.Free();
    public AppProcess A { get; private set; } = null!;
    public AppProcess B { get; private set; } = null!;
    public string DatabasePath => Path.Combine(_folder, "forum.db");
    public Uri UrlA => new($"http://127.0.0.1:{PortA}");
    public Uri UrlB => new($"http://127.0.0.1:{PortB}");

    /// <summary>One cookie jar for both instances, as a browser behind a load balancer has.</summary>
    public CookieContainer Cookies { get; } = new();

    /// <summary>The organizer, signed in once through A; the same cookie reaches B.</summary>
    public HttpClient OrganizerA { get; private set; } = null!;

    public HttpClient OrganizerB { get; private set; } = null!;

    public Dictionary<string, string> Settings => new()
    {
        ["ConnectionStrings:Forum"] = $"Data Source={DatabasePath}",
        ["Redis:Configuration"] = $"127.0.0.1:{RedisPort}",
        ["Forum:SeedDemo"] = "false",
        ["Forum:ReminderHour"] = "0",
        ["Mail:Smtp:Host"] = "127.0.0.1",
        ["Mail:Smtp:Port"] = Smtp.Port.ToString(CultureInfo.InvariantCulture),
        ["Mail:PollSeconds"] = "1",
        ["Security:AuthPostsPerMinute"] = SignInPostsPerMinute.ToString(CultureInfo.InvariantCulture),
        ["Api:RequestsPerMinute"] = ApiRequestsPerMinute.ToString(CultureInfo.InvariantCulture),
        ["Badges:PollSeconds"] = "1",
        ["Badges:ClaimSeconds"] = "4",
        ["Logging:LogLevel:Default"] = "Warning",
    };

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        Smtp.Start();
        StartRedis();

        // The database is made and filled by the app's own verbs, as an operator would, before either instance starts.
        await VerbAsync(["migrate"]);
        await VerbAsync(["seed-demo", "--delegates", Delegates.ToString(CultureInfo.InvariantCulture)]);
        await VerbAsync(["add-user", "--email", OrganizerEmail, "--role", "Organizer"], OrganizerPassword);
        var tomorrow = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTime.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).AddDays(1));
        await ExecuteAsync($"UPDATE Forums SET StartDate = '{tomorrow:yyyy-MM-dd}', EndDate = '{tomorrow.AddDays(3):yyyy-MM-dd}'");
        // The notice goes to all 1,000; the reminder (each with its agenda as a PDF) and the badges to about 150 approved,
        // enough to run on both instances at once and short enough for the test command.
        await ExecuteAsync("UPDATE Delegates SET Status = 'Waitlisted' WHERE Status = 'Approved' AND Id % 6 <> 0");

        A = AppProcess.Start(Settings, UrlA.ToString().TrimEnd('/'));
        B = AppProcess.Start(Settings, UrlB.ToString().TrimEnd('/'));
        await A.WaitHealthyAsync(UrlA);
        await B.WaitHealthyAsync(UrlB);

        OrganizerA = Client(UrlA);
        OrganizerB = Client(UrlB);
        var signedIn = await SignInForm.SubmitAsync(OrganizerA, OrganizerEmail, OrganizerPassword);
        Assert.True(signedIn.StatusCode == HttpStatusCode.Redirect, $"the organizer's sign-in on A answered {(int)signedIn.StatusCode}");
    }

    /// <summary>A client of one instance sharing the fixture's cookies.</summary>
    public HttpClient Client(Uri instance, CookieContainer? cookies = null, IPAddress? from = null)
    {
        var handler = new SocketsHttpHandler { AllowAutoRedirect = false, CookieContainer = cookies ?? Cookies, UseCookies = true };
        if (from is not null)
        {
            // Another loopback address as the client's own, so that the rate limiter counts this client apart.
            handler.ConnectCallback = async (context, ct) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                socket.Bind(new IPEndPoint(from, 0));
                await socket.ConnectAsync(context.DnsEndPoint, ct);
                return new NetworkStream(socket, ownsSocket: true);
            };
        }

        return new HttpClient(handler) { BaseAddress = instance, Timeout = TimeSpan.FromSeconds(60) };
    }

    /// <summary>Kills A outright and starts it again on the same port.</summary>
    public async Task<AppProcess> RestartAAsync()
    {
        await A.DisposeAsync();
        A = AppProcess.Start(Settings, UrlA.ToString().TrimEnd('/'));
        await A.WaitHealthyAsync(UrlA);
        return A;
    }

    public async Task StopRedisAsync()
    {
        if (_redis is { HasExited: false })
        {
            _redis.Kill();
            await _redis.WaitForExitAsync();
        }
    }

    public void StartRedis()
    {
        var start = new ProcessStartInfo("redis-server")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "--port", RedisPort.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", _folder })
        {
            start.ArgumentList.Add(argument);
        }

        _redis = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start.");
        _redis.OutputDataReceived += (_, _) => { };
        _redis.ErrorDataReceived += (_, _) => { };
        _redis.BeginOutputReadLine();
        _redis.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var probe = new TcpClient();
                probe.Connect(IPAddress.Loopback, RedisPort);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(50);
            }
        }

        Assert.Fail("redis-server did not open its port within 10 s; is it installed (apt-get install redis-server)?");
    }

    public async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Default Timeout=30");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    public async Task<string> TextAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Default Timeout=30");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture) ?? string.Empty;
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Default Timeout=30");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The health of one instance as staff see it (every check's status and description).</summary>
    public async Task<string> HealthAsync(HttpClient client) => await (await client.GetAsync("/health")).Content.ReadAsStringAsync();

    public async Task DisposeAsync()
    {
        OrganizerA?.Dispose();
        OrganizerB?.Dispose();
        if (A is not null)
        {
            await A.DisposeAsync();
        }

        if (B is not null)
        {
            await B.DisposeAsync();
        }

        await StopRedisAsync();
        await Smtp.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private async Task VerbAsync(string[] arguments, string? input = null)
    {
        var settings = Settings;
        settings["Forum:ReminderHour"] = "-1";
        var (code, output) = await AppProcess.RunVerbAsync(settings, arguments, input);
        Assert.True(code == 0, $"{string.Join(' ', arguments)} ended with {code}:\n{output}");
    }
}
