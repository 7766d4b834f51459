using ForumManager.Core.Forums;
using ForumManager.Core.Languages;
using ForumManager.Data;
using Microsoft.EntityFrameworkCore;

namespace ForumManager.Features.Languages;

/// <summary>Where a text stands in one language.</summary>
public enum TranslationState
{
    Missing = 0,
    Translated = 1,

    /// <summary>Translated, but its English has changed since.</summary>
    Outdated = 2,
}

/// <summary>One text in one language: its English and Chinese, its translation and whether that is current.</summary>
public sealed record TranslationLine(ContentText Text, string? Value, TranslationState State);

/// <summary>One further language of an edition: how many of its texts are translated, missing and out of date.</summary>
public sealed record LanguageStanding(string Language, int Total, int Translated, int Missing, int Outdated)
{
    public bool Complete => Missing == 0 && Outdated == 0;

    public int Percent => Total == 0 ? 100 : (int)Math.Floor(100.0 * Translated / Total);
}

/// <summary>The translators' report: per language, what is translated, what is missing and what changed in English since.</summary>
public sealed class TranslationReport(ForumDbContext db, ContentCatalogue catalogue)
{
    public async Task<List<TranslationLine>> LinesAsync(int forumId, string language, CancellationToken ct)
    {
        var texts = await catalogue.ReadAsync(forumId, ct);
        var rows = await db.ContentTranslations.AsNoTracking().Where(t => t.ForumId == forumId && t.Language == language)
            .ToDictionaryAsync(t => (t.Field, t.ItemId), ct);
        return texts.Select(t => rows.TryGetValue((t.Field, t.Item), out var row)
                ? new TranslationLine(t, row.Value, row.SourceHash == ContentLanguages.Hash(t.English) ? TranslationState.Translated : TranslationState.Outdated)
                : new TranslationLine(t, null, TranslationState.Missing))
            .ToList();
    }

    public async Task<List<LanguageStanding>> StandingAsync(Forum forum, CancellationToken ct)
    {
        var standings = new List<LanguageStanding>();
        foreach (var language in ContentLanguages.Of(forum.FurtherLanguages).Skip(2))
        {
            var lines = await LinesAsync(forum.Id, language, ct);
            standings.Add(new LanguageStanding(language, lines.Count, lines.Count(l => l.State == TranslationState.Translated),
                lines.Count(l => l.State == TranslationState.Missing), lines.Count(l => l.State == TranslationState.Outdated)));
        }

        return standings;
    }
}
