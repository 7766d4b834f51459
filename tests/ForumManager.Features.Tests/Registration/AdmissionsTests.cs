using ForumManager.Core.Auditing;
using ForumManager.Core.Delegates;
using ForumManager.Data;
using ForumManager.Features.Registration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Delegate = ForumManager.Core.Delegates.Delegate;

namespace ForumManager.Features.Tests.Registration;

public sealed class AdmissionsTests : IAsyncLifetime
{
    private readonly FeatureHarness _harness = new();

    public Task InitializeAsync() => _harness.InitializeAsync();

    public Task DisposeAsync() => _harness.DisposeAsync();

    private static Delegate Newcomer(string email) => new()
    {
        FamilyName = "NOVAK", GivenName = "Jana", NativeName = "Jana Nováková", CountryCode = "CZ", Email = email,
        Category = DelegateCategory.Delegate, PrecedenceRank = 500, PreferredLanguage = "en", ConsentUtc = DateTime.UtcNow,
    };

    [Fact]
    public async Task Should_admit_a_delegate_into_a_free_place_with_the_notice_queued_and_the_admission_audited()
    {
        var forum = await _harness.ForumAsync();
        var record = Newcomer("jana.novak@brno.example.cz");

        await _harness.RunAsync(async s =>
        {
            await s.GetRequiredService<Admissions>().AdmitAsync(forum, record, new Admission(new Actor("head-1", "head@example.org"), "added-by-head"), CancellationToken.None);
            return 0;
        });

        var (saved, taken, mail, audit) = await _harness.QueryAsync(async db => (
            await db.Delegates.SingleAsync(d => d.Email == "jana.novak@brno.example.cz"),
            await db.Forums.Where(f => f.Id == forum.Id).Select(f => f.PlacesTaken).SingleAsync(),
            await db.OutboxMessages.Where(m => m.ToAddress == "jana.novak@brno.example.cz").Select(m => m.Purpose).ToListAsync(),
            await db.AuditEntries.Where(a => a.EntityType == nameof(Delegate) && a.Action == "added-by-head").ToListAsync()));
        Assert.Equal(RegistrationStatus.Submitted, saved.Status);
        Assert.Equal(forum.PlacesTaken + 1, taken);
        Assert.Equal(["registration.received"], mail);
        var entry = Assert.Single(audit);
        Assert.Equal(saved.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), entry.EntityId);
        Assert.Equal("head@example.org", entry.UserName);
        Assert.False(string.IsNullOrEmpty(saved.Reference));
    }

    [Fact]
    public async Task Should_put_a_delegate_on_the_waiting_list_and_say_so_when_the_forum_is_full()
    {
        var forum = await _harness.ForumAsync();
        await _harness.QueryAsync(db => db.Forums.Where(f => f.Id == forum.Id).ExecuteUpdateAsync(s => s.SetProperty(f => f.Capacity, f => f.PlacesTaken)));
        forum = await _harness.ForumAsync();

        await _harness.RunAsync(async s =>
        {
            await s.GetRequiredService<Admissions>().AdmitAsync(forum, Newcomer("late@example.org"), new Admission(Actor.System, "imported", RegistrationStatus.Approved), CancellationToken.None);
            return 0;
        });

        var (status, purposes) = await _harness.QueryAsync(async db => (
            await db.Delegates.Where(d => d.Email == "late@example.org").Select(d => d.Status).SingleAsync(),
            await db.OutboxMessages.Where(m => m.ToAddress == "late@example.org").Select(m => m.Purpose).ToListAsync()));
        Assert.Equal(RegistrationStatus.Waitlisted, status);
        Assert.Equal(["registration.waitlisted"], purposes);
    }

    [Fact]
    public async Task Should_leave_no_record_no_mail_and_no_place_taken_when_the_callers_transaction_rolls_back()
    {
        var forum = await _harness.ForumAsync();

        await _harness.RunAsync(async s =>
        {
            var db = s.GetRequiredService<ForumDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await s.GetRequiredService<Admissions>().AdmitAsync(forum, Newcomer("undone@example.org"), new Admission(Actor.System, "registered"), CancellationToken.None);
            await transaction.RollbackAsync();
            return 0;
        });

        var (records, mail, taken) = await _harness.QueryAsync(async db => (
            await db.Delegates.CountAsync(d => d.Email == "undone@example.org"),
            await db.OutboxMessages.CountAsync(m => m.ToAddress == "undone@example.org"),
            await db.Forums.Where(f => f.Id == forum.Id).Select(f => f.PlacesTaken).SingleAsync()));
        Assert.Equal(0, records);
        Assert.Equal(0, mail);
        Assert.Equal(forum.PlacesTaken, taken);
    }
}
