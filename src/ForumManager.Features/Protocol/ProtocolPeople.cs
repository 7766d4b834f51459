using System.Globalization;
using ForumManager.Core.Forums;
using ForumManager.Core.Programme;
using ForumManager.Core.Registration;
using ForumManager.Core.Text;
using ForumManager.Data;
using ForumManager.Documents.Protocol;
using Microsoft.EntityFrameworkCore;

namespace ForumManager.Features.Protocol;

/// <summary>
/// Delegates and guests as the protocol documents print them: the Latin name, the name in their own script, the position
/// and the city (a delegate's partner city or delegation, a guest's organization), both languages where there are two.
/// </summary>
public static class ProtocolPeople
{
    public static async Task<Dictionary<int, ProtocolPerson>> DelegatesAsync(ForumDbContext db, int forumId, IReadOnlyCollection<int> ids, CancellationToken ct)
    {
        var found = new Dictionary<int, ProtocolPerson>();
        foreach (var chunk in ids.Distinct().Chunk(500))
        {
            var rows = await db.Delegates.AsNoTracking()
                .Where(d => d.ForumId == forumId && chunk.Contains(d.Id))
                .Select(d => new
                {
                    d.Id, d.FamilyName, d.GivenName, d.NativeName, d.NativeNameLanguage, d.Position, d.CountryCode,
                    CityEn = d.Delegation == null || d.Delegation.PartnerCity == null ? null : d.Delegation.PartnerCity.NameEn,
                    CityZh = d.Delegation == null || d.Delegation.PartnerCity == null ? null : d.Delegation.PartnerCity.NameZh,
                    DelegationEn = d.Delegation == null ? null : d.Delegation.NameEn,
                    DelegationZh = d.Delegation == null ? null : d.Delegation.NameZh,
                })
                .ToListAsync(ct);
            foreach (var d in rows)
            {
                var country = Countries.Find(d.CountryCode);
                var place = d.CityEn is not null ? $"{d.CityEn} {d.CityZh}"
                    : d.DelegationEn is not null ? $"{d.DelegationEn} {d.DelegationZh}"
                    : country is null ? d.CountryCode : $"{country.NameEn} {country.NameZh}";
                found[d.Id] = new ProtocolPerson(
                    PersonName.Latin(d.FamilyName, d.GivenName), d.NativeName, d.NativeNameLanguage, d.Position, place, $"{d.FamilyName} {d.GivenName}");
            }
        }

        return found;
    }

    public static async Task<Dictionary<int, ProtocolPerson>> GuestsAsync(ForumDbContext db, int forumId, IReadOnlyCollection<int> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        var guests = await db.Guests.AsNoTracking().Where(g => g.ForumId == forumId && list.Contains(g.Id)).ToListAsync(ct);
        return guests.ToDictionary(g => g.Id, Guest);
    }

    public static ProtocolPerson Guest(Guest g) => new(
        g.NameEn, g.NameZh, "zh-Hans",
        string.Join(" ", new[] { g.TitleEn, g.TitleZh }.Where(t => !string.IsNullOrWhiteSpace(t))),
        g.Organization, g.NameEn);

    /// <summary>The heading of a session's documents: its names, its room in both languages, and its day and hours in the forum's time.</summary>
    public static ProtocolHeading Heading(Forum forum, Session session, Room? room)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(forum.TimeZoneId);
        var start = ForumTime.ToLocal(session.StartUtc, zone);
        var end = ForumTime.ToLocal(session.EndUtc, zone);
        var en = CultureInfo.GetCultureInfo("en-GB");
        var when = $"{start.ToString("d MMMM yyyy", en)} · {start.Year}年{start.Month}月{start.Day}日 · {start:HH:mm}–{end:HH:mm}";
        return new ProtocolHeading(session.TitleEn, session.TitleZh, room is null ? string.Empty : $"{room.NameEn} {room.NameZh}", when, forum.NameEn, forum.NameZh);
    }

    /// <summary>A language as both documents and booths say it: "English 英语".</summary>
    public static string LanguageBoth(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return string.Empty;
        }

        var zh = code.Trim() switch
        {
            "zh" or "zh-Hans" => "中文",
            "en" => "英语",
            "fr" => "法语",
            "ru" => "俄语",
            "ar" => "阿拉伯语",
            "es" => "西班牙语",
            "ja" => "日语",
            "ko" => "韩语",
            "de" => "德语",
            "pt" => "葡萄牙语",
            _ => null,
        };
        string english;
        try
        {
            english = CultureInfo.GetCultureInfo(code.Trim(), predefinedOnly: true).EnglishName;
        }
        catch (CultureNotFoundException)
        {
            english = code.Trim();
        }

        return zh is null ? english : $"{english} {zh}";
    }
}
