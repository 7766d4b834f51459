using System.Globalization;
using ForumManager.Core.Auditing;
using ForumManager.Core.Forums;
using ForumManager.Core.Languages;
using ForumManager.Data;
using ForumManager.Features.Instances;
using ForumManager.Features.Notices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ForumManager.Features.Languages;

/// <summary>A translation as an organizer or a translator's file gives it: the text, and the English it was made from.</summary>
public sealed record TranslationInput(string Field, int Item, string? Value, string? SourceEnglish = null);

/// <summary>What saving translations did: how many texts took a new value, were cleared, or were already so.</summary>
public sealed record TranslationsSaved(int Changed, int Cleared, int Unchanged);

/// <summary>An edition's texts in its further languages: read (cached on every instance), and saved by organizers.</summary>
public sealed class ContentTexts(ForumDbContext db, InstanceCaches cache, ContentCatalogue catalogue, TimeProvider clock, IStringLocalizer<SharedResource> text)
{
    /// <summary>How long a translated text may be: a notice's body as long as a template, anything else as its record's longest text.</summary>
    public static int MaxLength(string field) => field switch
    {
        ContentFields.NoticeBody => NoticeSandbox.MaxSourceChars,
        ContentFields.SessionAbstract => 4000,
        _ => 1000,
    };

    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private static string CacheKey(int forumId, string language) => string.Create(CultureInfo.InvariantCulture, $"content:{forumId}:{language}");

    /// <summary>
    /// The language a reader gets the edition's texts in: the one asked for when the edition publishes in it, otherwise
    /// Chinese for a Chinese reader and English for everyone else.
    /// </summary>
    public static string ReaderLanguage(Forum forum, string? asked, bool chinese)
    {
        var languages = ContentLanguages.Of(forum.FurtherLanguages);
        var found = languages.FirstOrDefault(l => string.Equals(l, asked, StringComparison.OrdinalIgnoreCase));
        return found ?? (chinese ? ContentLanguages.Chinese : ContentLanguages.English);
    }

    public async Task<ContentDictionary> ForAsync(int forumId, string language, CancellationToken ct)
    {
        if (!ContentLanguages.IsFurther(language))
        {
            return ContentDictionary.Empty(language);
        }

        var code = ContentLanguages.Find(language)!.Code;
        return (await cache.GetOrCreateAsync(CacheKey(forumId, code), Lifetime, async () =>
        {
            var values = await db.ContentTranslations.AsNoTracking().Where(t => t.ForumId == forumId && t.Language == code)
                .Select(t => new { t.Field, t.ItemId, t.Value }).ToListAsync(ct);
            var rooms = await db.Rooms.AsNoTracking().Where(r => r.ForumId == forumId).Select(r => new { r.Id, r.VenueId }).ToListAsync(ct);
            return new ContentDictionary(code, values.ToDictionary(v => (v.Field, v.ItemId), v => v.Value), rooms.ToDictionary(r => r.Id, r => r.VenueId));
        }))!;
    }

    /// <summary>
    /// Saves translations in one further language of the edition: a value replaces the text's translation (and records
    /// which English it translates), an empty one removes it. Texts the edition does not have, values too long and
    /// notice wordings that do not parse are refused, each under its key; then nothing is saved.
    /// </summary>
    public async Task<(TranslationsSaved? Saved, FieldErrors Errors)> SaveAsync(Forum forum, string language, IReadOnlyList<TranslationInput> inputs, Actor actor,
        CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (!ContentLanguages.IsFurther(language) || !ContentLanguages.Of(forum.FurtherLanguages).Contains(language))
        {
            errors.Add("Language", text["Languages_NotOfEdition"]);
            return (null, errors);
        }

        var texts = (await catalogue.ReadAsync(forum.Id, ct)).ToDictionary(t => (t.Field, t.Item));
        foreach (var input in inputs)
        {
            var key = $"{input.Field}.{input.Item.ToString(CultureInfo.InvariantCulture)}";
            if (!texts.ContainsKey((input.Field, input.Item)))
            {
                errors.Add(key, text["Languages_UnknownText", key]);
            }
            else if (input.Value is { Length: > 0 } value && value.Length > MaxLength(input.Field))
            {
                errors.Add(key, text["Validation_MaxLength", key, MaxLength(input.Field)]);
            }
            else if (input.Value is { Length: > 0 } typed && typed.Any(c => char.IsControl(c) && c is not ('\t' or '\n' or '\r')))
            {
                errors.Add(key, text["Languages_ControlCharacters"]);
            }
            else if (input.Value is { Length: > 0 } wording && input.Field is ContentFields.NoticeSubject or ContentFields.NoticeBody)
            {
                foreach (var problem in NoticeTemplateCheck.Check(wording.ReplaceLineEndings("\n")))
                {
                    errors.Add(key, text[problem.Key, problem.Line, problem.Detail]);
                }
            }
        }

        if (!errors.IsEmpty)
        {
            return (null, errors);
        }

        // Two organizers saving the same language at once: the unique index refuses the second insert of a text, and
        // the save is made again over what the first one wrote.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var saved = await WriteAsync(forum, language, inputs, texts, actor, ct);
                return (saved, errors);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<TranslationsSaved> WriteAsync(Forum forum, string language, IReadOnlyList<TranslationInput> inputs,
        Dictionary<(string Field, int Item), ContentText> texts, Actor actor, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var existing = await db.ContentTranslations.Where(t => t.ForumId == forum.Id && t.Language == language).ToDictionaryAsync(t => (t.Field, t.ItemId), ct);
        int changed = 0, cleared = 0, unchanged = 0;
        foreach (var input in inputs.DistinctBy(i => (i.Field, i.Item)))
        {
            var value = Clean(input.Value);
            var hash = ContentLanguages.Hash(input.SourceEnglish ?? texts[(input.Field, input.Item)].English);
            existing.TryGetValue((input.Field, input.Item), out var row);
            if (value is null)
            {
                if (row is null)
                {
                    unchanged++;
                    continue;
                }

                db.ContentTranslations.Remove(row);
                cleared++;
            }
            else if (row is null)
            {
                db.ContentTranslations.Add(new ContentTranslation
                {
                    ForumId = forum.Id, Field = input.Field, ItemId = input.Item, Language = language, Value = value, SourceHash = hash, UpdatedUtc = now,
                    UpdatedBy = actor.Name,
                });
                changed++;
            }
            else if (row.Value != value || row.SourceHash != hash)
            {
                row.Value = value;
                row.SourceHash = hash;
                row.UpdatedUtc = now;
                row.UpdatedBy = actor.Name;
                changed++;
            }
            else
            {
                unchanged++;
            }
        }

        if (changed + cleared > 0)
        {
            db.AuditEntries.Add(actor.Audit(forum.Id, now, nameof(ContentTranslation), forum.Id, "translations",
                after: string.Create(CultureInfo.InvariantCulture, $"{language}: {changed} set, {cleared} cleared")));
            await db.SaveChangesAsync(ct);
            cache.Forget(CacheKey(forum.Id, language));
        }

        return new TranslationsSaved(changed, cleared, unchanged);

    }

    /// <summary>Sets which further languages the edition publishes in; translations of a language taken off are kept, in case it comes back.</summary>
    public async Task SetLanguagesAsync(int forumId, IEnumerable<string> codes, Actor actor, CancellationToken ct)
    {
        var forum = await db.Forums.SingleAsync(f => f.Id == forumId, ct);
        var before = forum.FurtherLanguages;
        forum.FurtherLanguages = ContentLanguages.Store(codes);
        if (before != forum.FurtherLanguages)
        {
            db.AuditEntries.Add(actor.Audit(forumId, clock.GetUtcNow().UtcDateTime, nameof(Forum), forumId, "languages", before, forum.FurtherLanguages));
            await db.SaveChangesAsync(ct);
        }
    }

    private static string? Clean(string? value)
    {
        var trimmed = value?.ReplaceLineEndings("\n").Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed.Normalize(System.Text.NormalizationForm.FormC);
    }
}
