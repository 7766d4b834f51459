using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Xml;
using ForumManager.Core.Forums;
using ForumManager.Core.Programme;
using ForumManager.Features.Programme;
using ForumManager.Features.Text;
using ForumManager.Mail;
using MimeKit;

namespace ForumManager.Features.Agenda;

/// <summary>Who publishes a calendar: the forum's office, by name, and the address its mail comes from.</summary>
public sealed record CalendarOrganizer(string Name, string Address)
{
    /// <summary>
    /// The host office from the forum's settings (the name on its letterheads), or else the sender's name in
    /// <c>Mail:From</c>, or else the forum's name; always the address in <c>Mail:From</c>.
    /// </summary>
    public static CalendarOrganizer For(Forum forum, MailOptions mail, bool chinese)
    {
        var sender = MailboxAddress.Parse(mail.From);
        var host = chinese ? forum.HostZh : forum.HostEn;
        var name = !string.IsNullOrWhiteSpace(host) ? host : !string.IsNullOrWhiteSpace(sender.Name) ? sender.Name : forum.Name(chinese);
        return new CalendarOrganizer(name.Trim(), sender.Address);
    }
}

/// <summary>
/// The released programme in the formats other software reads: frab/c3voc schedule XML (conference apps, signage)
/// and iCalendar (RFC 5545: CRLF line endings, lines folded at 75 octets, the forum's VTIMEZONE, stable UIDs and a
/// SEQUENCE that rises with every change).
/// </summary>
public static class ScheduleExports
{
    /// <summary>A UUID that stays the same for a session across releases and installs: derived from the edition and the session.</summary>
    public static Guid SessionGuid(Forum forum, int sessionId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"forummanager:{forum.Acronym}:session:{sessionId}"));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }

    public static string Acronym(Forum forum) => forum.Acronym.ToLowerInvariant();

    private static string Offset(DateTime utc, TimeZoneInfo zone) =>
        new DateTimeOffset(ForumTime.ToLocal(utc, zone), zone.GetUtcOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc))).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static string Duration(TimeSpan length) => string.Create(CultureInfo.InvariantCulture, $"{(int)length.TotalHours}:{length.Minutes:00}");

    private static string Slug(Forum forum, AgendaSession session)
    {
        var words = new string(session.TitleEn.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray());
        var title = string.Join('-', words.Split('-', StringSplitOptions.RemoveEmptyEntries));
        return $"{Acronym(forum)}-{session.Id}-{(title.Length >= 4 ? title : "session")}";
    }

    public static string Xml(Forum forum, ReleasedAgenda agenda, string baseUrl, bool chinese)
    {
        var zone = forum.TimeZone;
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) };
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, settings))
        {
            xml.WriteStartElement("schedule");
            xml.WriteStartElement("generator");
            xml.WriteAttributeString("name", "ForumManager");
            xml.WriteEndElement();
            xml.WriteElementString("url", $"{baseUrl}/agenda/schedule.xml");
            xml.WriteElementString("version", agenda.Version.ToString(CultureInfo.InvariantCulture));
            xml.WriteStartElement("conference");
            xml.WriteElementString("title", forum.Name(chinese));
            xml.WriteElementString("acronym", Acronym(forum));
            xml.WriteElementString("start", forum.StartDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            xml.WriteElementString("end", forum.EndDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            xml.WriteElementString("days", (forum.EndDate.DayNumber - forum.StartDate.DayNumber + 1).ToString(CultureInfo.InvariantCulture));
            xml.WriteElementString("timeslot_duration", "00:15");
            xml.WriteElementString("base_url", baseUrl + "/");
            xml.WriteElementString("time_zone_name", forum.TimeZoneId);
            foreach (var track in agenda.Sessions.Where(s => s.TrackId is not null).DistinctBy(s => s.TrackId))
            {
                xml.WriteStartElement("track");
                xml.WriteAttributeString("name", track.Track(chinese) ?? string.Empty);
                if (track.TrackColor is { Length: 7 } color)
                {
                    xml.WriteAttributeString("color", color);
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            var index = 0;
            foreach (var day in agenda.Sessions.GroupBy(s => DateOnly.FromDateTime(ForumTime.ToLocal(s.StartUtc, zone))).OrderBy(d => d.Key))
            {
                var dayStart = ForumTime.ToUtc(day.Key, new TimeOnly(0, 0), zone);
                xml.WriteStartElement("day");
                xml.WriteAttributeString("index", (++index).ToString(CultureInfo.InvariantCulture));
                xml.WriteAttributeString("date", day.Key.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                xml.WriteAttributeString("start", Offset(dayStart, zone));
                xml.WriteAttributeString("end", Offset(ForumTime.ToUtc(day.Key.AddDays(1), new TimeOnly(0, 0), zone).AddSeconds(-1), zone));
                foreach (var room in day.GroupBy(s => s.Room(chinese) ?? "—").OrderBy(r => r.Key, StringComparer.Ordinal))
                {
                    xml.WriteStartElement("room");
                    xml.WriteAttributeString("name", room.Key);
                    foreach (var session in room.OrderBy(s => s.StartUtc))
                    {
                        xml.WriteStartElement("event");
                        xml.WriteAttributeString("id", session.Id.ToString(CultureInfo.InvariantCulture));
                        xml.WriteAttributeString("guid", SessionGuid(forum, session.Id).ToString());
                        xml.WriteElementString("room", room.Key);
                        xml.WriteElementString("title", session.Title(chinese));
                        xml.WriteElementString("type", session.Type.ToString());
                        xml.WriteElementString("date", Offset(session.StartUtc, zone));
                        xml.WriteElementString("start", ForumTime.ToLocal(session.StartUtc, zone).ToString("HH:mm", CultureInfo.InvariantCulture));
                        xml.WriteElementString("duration", Duration(session.EndUtc - session.StartUtc));
                        xml.WriteElementString("abstract", session.Abstract(chinese) ?? string.Empty);
                        xml.WriteElementString("slug", Slug(forum, session));
                        xml.WriteElementString("track", session.Track(chinese) ?? string.Empty);
                        xml.WriteStartElement("persons");
                        foreach (var person in session.People)
                        {
                            xml.WriteElementString("person", chinese && person.NameZh is not null ? person.NameZh : person.NameEn);
                        }

                        xml.WriteEndElement();
                        xml.WriteElementString("language", session.Languages.Split(',')[0]);
                        xml.WriteElementString("url", $"{baseUrl}/agenda/session/{session.Id}");
                        xml.WriteEndElement();
                    }

                    xml.WriteEndElement();
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>The same schedule as frab/c3voc JSON (<c>schedule.json</c>), for apps that read JSON rather than XML.</summary>
    public static string Json(Forum forum, ReleasedAgenda agenda, string baseUrl, bool chinese)
    {
        var zone = forum.TimeZone;
        var rooms = agenda.Sessions.Select(s => s.Room(chinese) ?? "—").Distinct().Order(StringComparer.Ordinal).ToList();
        var days = agenda.Sessions.GroupBy(s => DateOnly.FromDateTime(ForumTime.ToLocal(s.StartUtc, zone))).OrderBy(d => d.Key)
            .Select((day, index) => new Dictionary<string, object?>
            {
                ["index"] = index + 1,
                ["date"] = day.Key.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["day_start"] = Offset(ForumTime.ToUtc(day.Key, new TimeOnly(0, 0), zone), zone),
                ["day_end"] = Offset(ForumTime.ToUtc(day.Key.AddDays(1), new TimeOnly(0, 0), zone).AddSeconds(-1), zone),
                ["rooms"] = day.GroupBy(s => s.Room(chinese) ?? "—").OrderBy(r => r.Key, StringComparer.Ordinal).ToDictionary(r => r.Key, r => r.OrderBy(s => s.StartUtc)
                    .Select(session => new Dictionary<string, object?>
                    {
                        ["guid"] = SessionGuid(forum, session.Id).ToString(),
                        ["id"] = session.Id,
                        ["date"] = Offset(session.StartUtc, zone),
                        ["start"] = ForumTime.ToLocal(session.StartUtc, zone).ToString("HH:mm", CultureInfo.InvariantCulture),
                        ["end"] = Offset(session.EndUtc, zone),
                        ["duration"] = Duration(session.EndUtc - session.StartUtc),
                        ["room"] = r.Key,
                        ["slug"] = Slug(forum, session),
                        ["url"] = $"{baseUrl}/agenda/session/{session.Id}",
                        ["title"] = session.Title(chinese),
                        ["subtitle"] = null,
                        ["track"] = session.Track(chinese),
                        ["type"] = session.Type.ToString(),
                        ["language"] = session.Languages.Split(',')[0],
                        ["abstract"] = session.Abstract(chinese),
                        ["persons"] = session.People.Select(p => new Dictionary<string, object?> { ["name"] = chinese && p.NameZh is not null ? p.NameZh : p.NameEn }).ToList(),
                        ["links"] = Array.Empty<object>(),
                    }).ToList()),
            }).ToList();
        var document = new Dictionary<string, object?>
        {
            ["$schema"] = "https://c3voc.de/schedule/schema.json",
            ["generator"] = new Dictionary<string, object?> { ["name"] = "ForumManager" },
            ["schedule"] = new Dictionary<string, object?>
            {
                ["version"] = agenda.Version.ToString(CultureInfo.InvariantCulture),
                ["base_url"] = baseUrl + "/",
                ["conference"] = new Dictionary<string, object?>
                {
                    ["acronym"] = Acronym(forum),
                    ["title"] = forum.Name(chinese),
                    ["start"] = forum.StartDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    ["end"] = forum.EndDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    ["daysCount"] = forum.EndDate.DayNumber - forum.StartDate.DayNumber + 1,
                    ["timeslot_duration"] = "00:15",
                    ["time_zone_name"] = forum.TimeZoneId,
                    ["url"] = baseUrl + "/agenda",
                    ["tracks"] = agenda.Sessions.Where(s => s.TrackId is not null).DistinctBy(s => s.TrackId)
                        .Select(t => new Dictionary<string, object?> { ["name"] = t.Track(chinese), ["color"] = t.TrackColor }).ToList(),
                    ["rooms"] = rooms.Select(name => new Dictionary<string, object?>
                    {
                        ["name"] = name,
                        ["guid"] = new Guid(SHA256.HashData(Encoding.UTF8.GetBytes($"forummanager:{forum.Acronym}:room:{name}")).AsSpan(0, 16)).ToString(),
                    }).ToList(),
                    ["days"] = days,
                },
            },
        };
        return System.Text.Json.JsonSerializer.Serialize(document, new System.Text.Json.JsonSerializerOptions
        {
            WriteIndented = true,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        });
    }

    /// <summary>
    /// An iCalendar of <paramref name="sessions"/>, times in the forum's zone with its VTIMEZONE. With an
    /// <paramref name="organizer"/> it is a published calendar (<c>METHOD:PUBLISH</c>) and every event names that
    /// organizer, as iTIP (RFC 5546) requires of a published event and libical checks; without one it carries no method,
    /// since a published event without an organizer is refused.
    /// </summary>
    public static string Ics(Forum forum, IEnumerable<AgendaSession> sessions, string baseUrl, string calendarName, bool chinese, DateTime stampUtc,
        CalendarOrganizer? organizer = null)
    {
        var zone = forum.TimeZone;
        var lines = new List<string> { "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//ForumManager//Agenda//EN", "CALSCALE:GREGORIAN" };
        if (organizer is not null)
        {
            lines.Add("METHOD:PUBLISH");
        }

        lines.Add("X-WR-CALNAME:" + CalendarText.Text(calendarName));
        lines.Add("X-WR-TIMEZONE:" + forum.TimeZoneId);
        var list = sessions.OrderBy(s => s.StartUtc).ToList();
        lines.AddRange(TimeZoneBlock(zone, forum.TimeZoneId, list.Count == 0 ? forum.StartDate.Year : ForumTime.ToLocal(list[0].StartUtc, zone).Year));
        foreach (var session in list)
        {
            lines.Add("BEGIN:VEVENT");
            lines.Add($"UID:{SessionGuid(forum, session.Id)}@forummanager");
            lines.Add("DTSTAMP:" + stampUtc.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture));
            lines.Add($"DTSTART;TZID={forum.TimeZoneId}:" + ForumTime.ToLocal(session.StartUtc, zone).ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture));
            lines.Add($"DTEND;TZID={forum.TimeZoneId}:" + ForumTime.ToLocal(session.EndUtc, zone).ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture));
            lines.Add("SEQUENCE:" + session.Sequence.ToString(CultureInfo.InvariantCulture));
            if (organizer is not null)
            {
                lines.Add($"ORGANIZER;CN={CalendarText.Parameter(organizer.Name)}:mailto:{organizer.Address}");
            }

            lines.Add("SUMMARY:" + CalendarText.Text(session.Title(chinese)));
            if (session.Room(chinese) is { } room)
            {
                var venue = chinese ? session.VenueZh : session.VenueEn;
                lines.Add("LOCATION:" + CalendarText.Text(venue is null ? room : $"{room}, {venue}"));
            }

            if (session.Abstract(chinese) is { } description)
            {
                lines.Add("DESCRIPTION:" + CalendarText.Text(description));
            }

            lines.Add($"URL:{baseUrl}/agenda/session/{session.Id}");
            lines.Add("END:VEVENT");
        }

        lines.Add("END:VCALENDAR");
        return CalendarText.Lines(lines);
    }

    /// <summary>
    /// The zone as iCalendar observances: each change of offset from the year before the programme's to the year
    /// after, or one standard offset for a zone that never changes.
    /// </summary>
    private static IEnumerable<string> TimeZoneBlock(TimeZoneInfo zone, string id, int year)
    {
        static string Format(TimeSpan offset) =>
            (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString("hhmm", CultureInfo.InvariantCulture);

        yield return "BEGIN:VTIMEZONE";
        yield return "TZID:" + id;

        // The zone's real changes of offset, found by asking it hour by hour from the year before to the year after:
        // what the system's time-zone data says, whatever shape its adjustment rules take on this platform.
        var changes = new List<(DateTime OnsetLocal, TimeSpan From, TimeSpan To, bool Daylight)>();
        var at = new DateTime(year - 1, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var end = new DateTime(year + 2, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var offset = zone.GetUtcOffset(at);
        for (var next = at.AddHours(1); next < end; next = next.AddHours(1))
        {
            var now = zone.GetUtcOffset(next);
            if (now != offset)
            {
                // The exact minute of the change inside that hour.
                var onset = next.AddHours(-1);
                while (zone.GetUtcOffset(onset) == offset)
                {
                    onset = onset.AddMinutes(1);
                }

                changes.Add((onset + offset, offset, now, zone.IsDaylightSavingTime(onset)));
                offset = now;
            }
        }

        if (changes.Count == 0)
        {
            yield return "BEGIN:STANDARD";
            yield return "DTSTART:19700101T000000";
            yield return "TZOFFSETFROM:" + Format(offset);
            yield return "TZOFFSETTO:" + Format(offset);
            yield return "END:STANDARD";
        }

        foreach (var (onsetLocal, from, to, daylight) in changes)
        {
            var kind = daylight ? "DAYLIGHT" : "STANDARD";
            yield return "BEGIN:" + kind;
            yield return "DTSTART:" + onsetLocal.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture);
            yield return "TZOFFSETFROM:" + Format(from);
            yield return "TZOFFSETTO:" + Format(to);
            yield return "END:" + kind;
        }

        yield return "END:VTIMEZONE";
    }
}
