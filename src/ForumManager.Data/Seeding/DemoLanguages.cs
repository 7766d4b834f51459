using ForumManager.Core.Forums;
using ForumManager.Core.Languages;
using Microsoft.EntityFrameworkCore;

namespace ForumManager.Data.Seeding;

/// <summary>
/// The demo edition publishes in Russian, French and Arabic beyond English and Chinese, with its name and a few
/// sessions translated, so that the agenda shows a translated text beside one that falls back to English.
/// </summary>
internal static class DemoLanguages
{
    public const string Further = "ru,fr,ar";

    private static readonly (string Field, string English, string Language, string Value)[] Texts =
    [
        (ContentFields.ForumName, "2010 China Hunan International Sister Cities Cooperation Forum", "ru", "Китайский (Хунань) международный форум сотрудничества городов-побратимов 2010"),
        (ContentFields.ForumName, "2010 China Hunan International Sister Cities Cooperation Forum", "fr", "Forum international de coopération des villes jumelées, Hunan (Chine) 2010"),
        (ContentFields.ForumName, "2010 China Hunan International Sister Cities Cooperation Forum", "ar", "منتدى هونان الصين الدولي للتعاون بين المدن الشقيقة 2010"),
        (ContentFields.ForumTheme, "Intercity Cooperation and Common Development", "ru", "Межгородское сотрудничество и совместное развитие"),
        (ContentFields.ForumTheme, "Intercity Cooperation and Common Development", "fr", "Coopération entre villes et développement commun"),
        (ContentFields.ForumPlace, "Changsha, Hunan, China", "ru", "Чанша, Хунань, Китай"),
        (ContentFields.ForumPlace, "Changsha, Hunan, China", "fr", "Changsha, Hunan, Chine"),
        (ContentFields.SessionTitle, "Opening ceremony", "ru", "Церемония открытия"),
        (ContentFields.SessionTitle, "Opening ceremony", "fr", "Cérémonie d'ouverture"),
        (ContentFields.SessionTitle, "Opening ceremony", "ar", "حفل الافتتاح"),
        (ContentFields.SessionTitle, "Welcome banquet", "ru", "Приветственный банкет"),
        (ContentFields.SessionTitle, "Theme forum: Intercity Cooperation and Common Development", "ru", "Тематический форум: межгородское сотрудничество и совместное развитие"),
    ];

    public static async Task AddAsync(ForumDbContext db, Forum forum, CancellationToken ct)
    {
        var sessions = await db.Sessions.Where(s => s.ForumId == forum.Id).Select(s => new { s.Id, s.TitleEn }).ToListAsync(ct);
        foreach (var (field, english, language, value) in Texts)
        {
            var item = field == ContentFields.SessionTitle ? sessions.First(s => s.TitleEn == english).Id : forum.Id;
            db.ContentTranslations.Add(new ContentTranslation
            {
                ForumId = forum.Id, Field = field, ItemId = item, Language = language, Value = value, SourceHash = ContentLanguages.Hash(english),
                UpdatedUtc = forum.CreatedUtc, UpdatedBy = "demo",
            });
        }
    }
}
