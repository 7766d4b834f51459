using ForumManager.Core.Accounts;
using ForumManager.Core.Delegates;
using ForumManager.Data;
using ForumManager.Features.Logistics;
using ForumManager.Features.Registration;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace ForumManager.Features.Tests.Registration;

public sealed class OpenRegistrationTests : IAsyncLifetime
{
    private readonly FeatureHarness _harness = new();

    public Task InitializeAsync() => _harness.InitializeAsync();

    public Task DisposeAsync() => _harness.DisposeAsync();

    private static RegistrationInput Form(bool consent) => new()
    {
        FamilyName = "Dupont", GivenName = "Élise", NativeName = "Élise Dupont", Email = "Elise.Dupont@Nantes.example.fr", CountryCode = "fr",
        Phone = "+33 2 40 41 00 00", PreferredLanguage = "en", Password = "quiet harbour lanterns", Consent = consent,
    };

    [Fact]
    public async Task Should_put_each_problem_next_to_its_field_in_words_and_save_nothing()
    {
        var (errors, saved) = await _harness.RunAsync(async s =>
        {
            var registration = s.GetRequiredService<OpenRegistration>();
            var form = await registration.FormAsync(null, CancellationToken.None);
            var found = new FieldErrors();
            await registration.CheckAsync(form, Form(consent: false), new StayInput(), null, found, CancellationToken.None);
            return (found.All, await s.GetRequiredService<ForumDbContext>().Delegates.CountAsync(d => d.Email == "elise.dupont@nantes.example.fr"));
        });

        var consent = Assert.Single(errors, e => e.Field == "Input.Consent");
        Assert.NotEqual("Validation_Consent", consent.Message);
        Assert.Contains("consent", consent.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, saved);
    }

    [Fact]
    public async Task Should_register_a_new_account_as_a_delegate_with_its_confirmation_and_registration_mails()
    {
        var result = await _harness.RunAsync(async s =>
        {
            var registration = s.GetRequiredService<OpenRegistration>();
            var form = await registration.FormAsync(null, CancellationToken.None);
            var input = Form(consent: true);
            var errors = new FieldErrors();
            await registration.CheckAsync(form, input, new StayInput(), null, errors, CancellationToken.None);
            Assert.True(errors.IsEmpty, string.Join("; ", errors.All));
            return await registration.SaveAsync(form, input, new StayInput(), null, CancellationToken.None);
        });

        Assert.Equal(RegistrationStatus.Submitted, result.Status);
        var (record, purposes) = await _harness.QueryAsync(async db => (
            await db.Delegates.SingleAsync(d => d.Email == "elise.dupont@nantes.example.fr"),
            await db.OutboxMessages.Where(m => m.ToAddress == "elise.dupont@nantes.example.fr").OrderBy(m => m.Id).Select(m => m.Purpose).ToListAsync()));
        Assert.Equal("FR", record.CountryCode);
        Assert.Equal("+33240410000", record.Phone);
        Assert.Equal(["registration.received", "account.confirm-email"], purposes);
        var inRole = await _harness.RunAsync(async s =>
        {
            var users = s.GetRequiredService<UserManager<ForumUser>>();
            var user = await users.FindByEmailAsync("elise.dupont@nantes.example.fr");
            return user is not null && user.Id == record.UserId && await users.IsInRoleAsync(user, Roles.Delegate);
        });
        Assert.True(inRole);
    }

    [Fact]
    public async Task Should_refuse_a_date_of_birth_after_today_where_the_forum_is_next_to_the_field()
    {
        // 17:00 in London is already 1 December in Changsha, the forum's time zone: that day is no longer in the future there.
        _harness.Clock.Now = new DateTimeOffset(2026, 11, 30, 17, 0, 0, TimeSpan.Zero);
        Assert.Equal("Asia/Shanghai", (await _harness.ForumAsync()).TimeZoneId);
        var found = await _harness.RunAsync(async s =>
        {
            var registration = s.GetRequiredService<OpenRegistration>();
            var form = await registration.FormAsync(null, CancellationToken.None);
            var result = new Dictionary<DateOnly, IReadOnlyList<string>>();
            foreach (var born in new DateOnly[] { new(2026, 12, 1), new(2026, 12, 2) })
            {
                var input = Form(consent: true);
                input.DateOfBirth = born;
                var errors = new FieldErrors();
                await registration.CheckAsync(form, input, new StayInput(), null, errors, CancellationToken.None);
                result[born] = [.. errors.All.Where(e => e.Field == "Input.DateOfBirth").Select(e => e.Message)];
            }

            return (result, s.GetRequiredService<IStringLocalizer<SharedResource>>()["Validation_DateOfBirthFuture"].Value);
        });

        Assert.Empty(found.result[new DateOnly(2026, 12, 1)]);
        Assert.Equal([found.Item2], found.result[new DateOnly(2026, 12, 2)]);
        Assert.Contains("future", found.Item2, StringComparison.Ordinal);
    }
}
