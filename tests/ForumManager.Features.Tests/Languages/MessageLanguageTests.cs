using ForumManager.Core.Auditing;
using ForumManager.Core.Delegates;
using ForumManager.Core.Languages;
using ForumManager.Core.Notices;
using ForumManager.Data;
using ForumManager.Features.Languages;
using ForumManager.Features.Registration;
using ForumManager.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace ForumManager.Features.Tests.Languages;

/// <summary>Notices go in the language each delegate chose among the edition's, with Chinese below when the forum asks for both.</summary>
public sealed class MessageLanguageTests : IAsyncLifetime
{
    private static readonly Actor Organizer = new(null, "organizer@example.org");
    private readonly FeatureHarness _harness = new();

    public Task InitializeAsync() => _harness.InitializeAsync();

    public Task DisposeAsync() => _harness.DisposeAsync();

    [Fact]
    public async Task Should_send_the_approval_in_Russian_with_Chinese_below_and_the_Arabic_one_right_to_left()
    {
        var forum = await _harness.ForumAsync();
        var (russian, arabic, japanese) = await _harness.RunAsync(async s =>
        {
            var texts = s.GetRequiredService<ContentTexts>();
            await texts.SetLanguagesAsync(forum.Id, ["ru", "ar"], Organizer, CancellationToken.None);
            var db = s.GetRequiredService<ForumDbContext>();
            var edition = await db.Forums.SingleAsync(f => f.Id == forum.Id);
            edition.NoticesInBothLanguages = true;
            await db.SaveChangesAsync();
            var approved = (int)NoticeKind.Approved;
            Assert.NotNull((await texts.SaveAsync(edition, "ru", [
                new TranslationInput(ContentFields.ForumName, forum.Id, "Форум сотрудничества городов-побратимов"),
                new TranslationInput(ContentFields.NoticeSubject, approved, "Регистрация одобрена: {{ forum.name }}"),
                new TranslationInput(ContentFields.NoticeBody, approved, "Уважаемый(ая) {{ delegate.name }}!\n\nРады подтвердить ваше участие в {{ forum.name }}."),
            ], Organizer, CancellationToken.None)).Saved);
            Assert.NotNull((await texts.SaveAsync(edition, "ar", [
                new TranslationInput(ContentFields.NoticeSubject, approved, "تمت الموافقة على التسجيل"),
                new TranslationInput(ContentFields.NoticeBody, approved, "السيد(ة) {{ delegate.name }}، يسعدنا تأكيد مشاركتكم."),
            ], Organizer, CancellationToken.None)).Saved);

            // Three registrations waiting for a decision (both states hold a place): one reads Russian, one Arabic, one
            // Japanese (a language this edition does not publish in).
            var waiting = await db.Delegates.Where(d => d.ForumId == forum.Id && d.Status == RegistrationStatus.Approved).OrderBy(d => d.Id).Take(3).ToListAsync();
            Assert.Equal(3, waiting.Count);
            waiting.ForEach(d => d.Status = RegistrationStatus.Submitted);
            (waiting[0].PreferredLanguage, waiting[1].PreferredLanguage, waiting[2].PreferredLanguage) = ("ru", "ar", "ja");
            await db.SaveChangesAsync();
            return (waiting[0], waiting[1], waiting[2]);
        });

        await _harness.RunAsync(s => s.GetRequiredService<RegistrationStatusChanges>()
            .ChangeAsync(forum.Id, [russian.Id, arabic.Id, japanese.Id], RegistrationStatus.Approved, null, Organizer, byOrganizer: true, CancellationToken.None));
        var mail = await ApprovalsAsync();

        var toRussian = mail[russian.Email];
        Assert.Equal("Регистрация одобрена: Форум сотрудничества городов-побратимов / 报名已批准：" + forum.NameZh, toRussian.Subject);
        var text = toRussian.TextBody!;
        Assert.Contains("Рады подтвердить ваше участие в Форум сотрудничества городов-побратимов.", text, StringComparison.Ordinal);
        Assert.True(text.IndexOf("Уважаемый", StringComparison.Ordinal) < text.IndexOf("组委会", StringComparison.Ordinal), "the Chinese follows the Russian");
        Assert.Contains("<div lang=\"ru\">", toRussian.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("<div lang=\"zh-Hans\">", toRussian.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("dir=\"rtl\"", toRussian.HtmlBody, StringComparison.Ordinal);

        var toArabic = mail[arabic.Email];
        Assert.StartsWith("تمت الموافقة على التسجيل / ", toArabic.Subject, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"ar\" dir=\"rtl\">", toArabic.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("<div lang=\"ar\" dir=\"rtl\">", toArabic.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("<div lang=\"zh-Hans\">", toArabic.HtmlBody, StringComparison.Ordinal);

        // Japanese is not among the edition's languages: the built-in Chinese and English go, as to any English reader.
        var toJapanese = mail[japanese.Email];
        Assert.Equal($"报名已批准：{forum.NameZh} / Registration approved: {forum.NameEn}", toJapanese.Subject);
    }

    [Fact]
    public async Task Should_send_a_further_language_alone_when_the_forum_does_not_ask_for_both_and_fall_back_to_English_for_an_untranslated_notice()
    {
        var forum = await _harness.ForumAsync();
        var person = await _harness.RunAsync(async s =>
        {
            var texts = s.GetRequiredService<ContentTexts>();
            await texts.SetLanguagesAsync(forum.Id, ["fr"], Organizer, CancellationToken.None);
            var db = s.GetRequiredService<ForumDbContext>();
            Assert.NotNull((await texts.SaveAsync(await db.Forums.SingleAsync(f => f.Id == forum.Id), "fr",
                [new TranslationInput(ContentFields.NoticeSubject, (int)NoticeKind.Waitlisted, "Liste d'attente : {{ forum.name }}")], Organizer, CancellationToken.None)).Saved);
            var waiting = await db.Delegates.Where(d => d.ForumId == forum.Id && d.Status == RegistrationStatus.Submitted).OrderBy(d => d.Id).FirstAsync();
            waiting.PreferredLanguage = "fr";
            await db.SaveChangesAsync();
            return waiting;
        });

        await _harness.RunAsync(s => s.GetRequiredService<RegistrationStatusChanges>()
            .ChangeAsync(forum.Id, [person.Id], RegistrationStatus.Waitlisted, null, Organizer, byOrganizer: true, CancellationToken.None));

        var message = (await MessagesAsync("registration.waitlisted"))[person.Email];
        // The demo edition's name is translated into French; the body, not translated, is the English wording.
        Assert.Equal("Liste d'attente : Forum international de coopération des villes jumelées, Hunan (Chine) 2010", message.Subject);
        Assert.Contains("All places of the", message.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("组委会", message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_send_the_built_in_wording_when_a_translation_that_parses_cannot_be_filled_in_and_still_make_the_decision()
    {
        var forum = await _harness.ForumAsync();
        var person = await _harness.RunAsync(async s =>
        {
            var texts = s.GetRequiredService<ContentTexts>();
            var db = s.GetRequiredService<ForumDbContext>();
            Assert.NotNull((await texts.SaveAsync(await db.Forums.SingleAsync(f => f.Id == forum.Id), "ru",
                [new TranslationInput(ContentFields.NoticeBody, (int)NoticeKind.Waitlisted, "{% for i in (1..200) %}{% for j in (1..200) %}x{% endfor %}{% endfor %}")],
                Organizer, CancellationToken.None)).Saved);
            var waiting = await db.Delegates.Where(d => d.ForumId == forum.Id && d.Status == RegistrationStatus.Approved).OrderBy(d => d.Id).FirstAsync();
            (waiting.Status, waiting.PreferredLanguage) = (RegistrationStatus.Submitted, "ru");
            await db.SaveChangesAsync();
            return waiting;
        });

        var result = await _harness.RunAsync(s => s.GetRequiredService<RegistrationStatusChanges>()
            .ChangeAsync(forum.Id, [person.Id], RegistrationStatus.Waitlisted, null, Organizer, byOrganizer: true, CancellationToken.None));

        Assert.Equal(1, result.Changed);
        var message = (await MessagesAsync("registration.waitlisted"))[person.Email];
        Assert.Contains("All places of the", message.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("xxxx", message.TextBody, StringComparison.Ordinal);
    }

    private Task<Dictionary<string, MimeMessage>> ApprovalsAsync() => MessagesAsync("registration.approved");

    private Task<Dictionary<string, MimeMessage>> MessagesAsync(string purpose) => _harness.RunAsync(async s =>
    {
        var rows = await s.GetRequiredService<ForumDbContext>().OutboxMessages.AsNoTracking().Where(m => m.Purpose == purpose).ToListAsync();
        var content = s.GetRequiredService<OutboxContent>();
        return rows.ToDictionary(r => r.ToAddress, r => MimeMessage.Load(new MemoryStream(content.Unprotect(r.MimeContent))));
    });
}
