using System.Net;
using ForumManager.Core.Accounts;
using ForumManager.Core.Delegates;
using ForumManager.Data.Seeding;
using ForumManager.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ForumManager.Web.Tests.Identity;

/// <summary>The app as the README's run command starts it (or as Production does), with its start-up log captured.</summary>
public sealed class EnvironmentApp(string environment) : ForumAppFactory
{
    public CapturedLogs Logs { get; } = new();

    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = new Dictionary<string, string?>
            {
                ["Forum:DemoDelegates"] = "100",
                ["Logging:LogLevel:ForumManager"] = "Information",
            };
            if (environment == "Production")
            {
                foreach (var (key, value) in KeyRingCertificate.Create(Path.Combine(Folder, "certificate"), "demo").AsCurrent())
                {
                    settings[key] = value;
                }
            }

            return settings;
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment(environment);
        builder.ConfigureServices(s => s.AddSingleton<ILoggerProvider>(Logs));
    }

    public string[] DemoAccountLog() =>
        Logs.Entries.Where(e => e.Message.Contains(DemoAccounts.Domain, StringComparison.Ordinal)).Select(e => e.Message).ToArray();
}

public sealed class DemoAccountsTests : IDisposable
{
    private readonly EnvironmentApp _development = new("Development");
    private readonly EnvironmentApp _production = new("Production");

    [Fact]
    public async Task Should_make_an_account_per_role_in_Development_and_print_the_password_that_signs_each_in()
    {
        _ = _development.Services;

        var logged = Assert.Single(_development.DemoAccountLog());
        var password = Assert.Single(_development.Logs.Entries.SelectMany(e => e.Values), v => v.Key == "Password").Value as string;
        Assert.False(string.IsNullOrEmpty(password));
        Assert.Contains(password, logged, StringComparison.Ordinal);
        var landings = new List<string>();
        foreach (var account in DemoAccounts.All)
        {
            Assert.Contains(account.Email, logged, StringComparison.Ordinal);
            var response = await SignInForm.SubmitAsync(Clients.Anonymous(_development), account.Email, password!);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            landings.Add(response.Headers.Location!.OriginalString);
        }

        Assert.Equal(["/admin", "/admin", "/checkin", "/me", "/me"], landings);
    }

    [Fact]
    public async Task Should_give_the_demo_delegate_and_head_approved_registrations_of_the_demo_forum_the_head_heading_a_delegation()
    {
        var registrations = await _development.WithDbAsync(db => db.Delegates.AsNoTracking()
            .Where(d => d.Email.EndsWith("@" + DemoAccounts.Domain))
            .Join(db.Users, d => d.UserId, u => u.Id, (d, u) => new { d.Email, d.Status, d.Category, d.DelegationId, Account = u.Email })
            .ToListAsync());

        var head = Assert.Single(registrations, r => r.Email == DemoAccounts.Head.Email);
        var member = Assert.Single(registrations, r => r.Email == DemoAccounts.Delegate.Email);
        Assert.Equal((RegistrationStatus.Approved, DelegateCategory.HeadOfDelegation, head.Email), (head.Status, head.Category, head.Account));
        Assert.Equal((RegistrationStatus.Approved, DelegateCategory.Delegate, member.Email), (member.Status, member.Category, member.Account));
        Assert.NotNull(head.DelegationId);

        var client = await Clients.SignInAsync(_development, DemoAccounts.Head.Email, DemoPassword());
        var delegation = await client.GetAsync("/me/delegation");
        Assert.Equal(HttpStatusCode.OK, delegation.StatusCode);
    }

    [Fact]
    public async Task Should_keep_the_demo_accounts_and_not_print_a_password_again_on_the_next_start()
    {
        _ = _development.Services;
        var password = DemoPassword();
        using var restarted = new RestartedApp(_development);

        _ = restarted.Services;

        var logged = Assert.Single(restarted.DemoAccountLog());
        Assert.DoesNotContain(password, logged, StringComparison.Ordinal);
        Assert.Contains(DemoAccounts.Head.Email, logged, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInForm.SubmitAsync(Clients.Anonymous(restarted), DemoAccounts.All[2].Email, password)).StatusCode);
    }

    [Fact]
    public async Task Should_make_no_demo_account_and_print_no_password_in_Production()
    {
        _ = _production.Services;

        var accounts = await _production.WithDbAsync(db => db.Users.CountAsync(u => u.Email!.EndsWith("@" + DemoAccounts.Domain)));
        var forums = await _production.WithDbAsync(db => db.Forums.CountAsync());

        Assert.Equal(1, forums);
        Assert.Equal(0, accounts);
        Assert.Empty(_production.DemoAccountLog());
        Assert.DoesNotContain(_production.Logs.Entries, e => e.Values.Any(v => v.Key == "Password"));
    }

    private string DemoPassword() =>
        (string)_development.Logs.Entries.SelectMany(e => e.Values).Single(v => v.Key == "Password").Value!;

    public void Dispose()
    {
        _development.Dispose();
        _production.Dispose();
    }

    /// <summary>A second start of the Development app on the first one's database.</summary>
    private sealed class RestartedApp(EnvironmentApp first) : ForumAppFactory
    {
        public CapturedLogs Logs { get; } = new();

        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["ConnectionStrings:Forum"] = $"Data Source={first.DatabasePath}",
            ["Logging:LogLevel:ForumManager"] = "Information",
        };

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Development");
            builder.ConfigureServices(s => s.AddSingleton<ILoggerProvider>(Logs));
        }

        public string[] DemoAccountLog() =>
            Logs.Entries.Where(e => e.Message.Contains(DemoAccounts.Domain, StringComparison.Ordinal)).Select(e => e.Message).ToArray();
    }
}
