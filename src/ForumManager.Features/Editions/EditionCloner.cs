using System.Text.RegularExpressions;
using ForumManager.Core.Accreditation;
using ForumManager.Core.Auditing;
using ForumManager.Core.CheckIns;
using ForumManager.Core.Delegates;
using ForumManager.Core.Forums;
using ForumManager.Core.Languages;
using ForumManager.Core.Logistics;
using ForumManager.Core.Notices;
using ForumManager.Core.Programme;
using ForumManager.Core.Protocol;
using ForumManager.Core.Registration;
using ForumManager.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ForumManager.Features.Editions;

/// <summary>What an organizer asks of a clone: the new edition's acronym, names and first day.</summary>
public sealed class CloneInput
{
    public string? Acronym { get; set; }
    public string? NameEn { get; set; }
    public string? NameZh { get; set; }
    public DateOnly? StartDate { get; set; }

    /// <summary>Move by the whole number of weeks nearest the date difference, so a Wednesday session stays on a Wednesday.</summary>
    public bool KeepWeekdays { get; set; } = true;
}

/// <summary>The new edition and how far everything moved.</summary>
public sealed record CloneResult(int ForumId, string Acronym, DateOnly StartDate, int Days, IReadOnlyDictionary<string, int> Copied);

/// <summary>
/// Clones an edition into a new draft edition: its configuration (settings, venues, rooms, seat layouts, hotels and
/// room blocks, tracks, the programme's sessions as an unreleased draft, questions, notice templates, badge layouts,
/// zones, delegations without members, translations), every date moved by the same number of days. Never a delegate
/// nor anything about one: registrations, passports, photos, check-ins, enrolments, allocations, travel, audit, mail,
/// API tokens and webhooks stay with the edition they belong to. One transaction: all of it or none.
/// </summary>
public sealed partial class EditionCloner(ForumDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> text)
{
    public const int MaxAcronym = 32;

    /// <summary>The days everything moves: exactly the difference, or the whole weeks nearest to it.</summary>
    public static int Shift(DateOnly from, DateOnly to, bool keepWeekdays)
    {
        var days = to.DayNumber - from.DayNumber;
        return keepWeekdays ? (int)Math.Round(days / 7.0, MidpointRounding.AwayFromZero) * 7 : days;
    }

    public static string? NormalizeAcronym(string? acronym) => acronym?.Trim().ToUpperInvariant() is { Length: > 0 } a ? a : null;

    public async Task CheckAsync(CloneInput input, FieldErrors errors, CancellationToken ct)
    {
        var acronym = NormalizeAcronym(input.Acronym);
        if (acronym is null)
        {
            errors.Add("Input.Acronym", text["Validation_Required"]);
        }
        else if (acronym.Length > MaxAcronym || !AcronymPattern().IsMatch(acronym))
        {
            errors.Add("Input.Acronym", text["Editions_AcronymFormat"]);
        }
        else if (await db.Forums.AnyAsync(f => f.Acronym == acronym, ct))
        {
            errors.Add("Input.Acronym", text["Editions_AcronymTaken", acronym]);
        }

        foreach (var (field, value) in new[] { ("NameEn", input.NameEn), ("NameZh", input.NameZh) })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                errors.Add("Input." + field, text["Validation_Required"]);
            }
            else if (value.Trim().Length > 300)
            {
                errors.Add("Input." + field, text["Editions_NameTooLong"]);
            }
        }

        if (input.StartDate is not { } start)
        {
            errors.Add("Input.StartDate", text["Validation_Required"]);
        }
        else if (start.Year is < 2000 or > 2200)
        {
            errors.Add("Input.StartDate", text["Editions_StartDateRange"]);
        }
    }

    /// <returns>The new edition, or null when the checks refused the input (<paramref name="errors"/> says why).</returns>
    public async Task<CloneResult?> CloneAsync(int fromForumId, CloneInput input, Actor actor, FieldErrors errors, CancellationToken ct)
    {
        await CheckAsync(input, errors, ct);
        var from = await db.Forums.AsNoTracking().SingleOrDefaultAsync(f => f.Id == fromForumId, ct);
        if (!errors.IsEmpty || from is null)
        {
            return null;
        }

        var days = Shift(from.StartDate, input.StartDate!.Value, input.KeepWeekdays);
        var zone = from.TimeZone;
        DateTime Move(DateTime utc) => ForumTime.ToUtc(DateOnly.FromDateTime(ForumTime.ToLocal(utc, zone)).AddDays(days),
            TimeOnly.FromDateTime(ForumTime.ToLocal(utc, zone)), zone);
        DateTime? MoveMaybe(DateTime? utc) => utc is { } u ? Move(u) : null;
        var now = clock.GetUtcNow().UtcDateTime;
        var copied = new Dictionary<string, int>();

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var forum = new Forum
        {
            Acronym = NormalizeAcronym(input.Acronym)!,
            NameEn = input.NameEn!.Trim(),
            NameZh = input.NameZh!.Trim(),
            ThemeEn = from.ThemeEn,
            ThemeZh = from.ThemeZh,
            PlaceEn = from.PlaceEn,
            PlaceZh = from.PlaceZh,
            StartDate = from.StartDate.AddDays(days),
            EndDate = from.EndDate.AddDays(days),
            TimeZoneId = from.TimeZoneId,
            Status = ForumStatus.Draft,
            CreatedUtc = now,
            OpenRegistration = from.OpenRegistration,
            RegistrationClosesUtc = MoveMaybe(from.RegistrationClosesUtc),
            EditClosesUtc = MoveMaybe(from.EditClosesUtc),
            Capacity = from.Capacity,
            RetentionDays = from.RetentionDays,
            HostEn = from.HostEn,
            HostZh = from.HostZh,
            SignatoryNameEn = from.SignatoryNameEn,
            SignatoryNameZh = from.SignatoryNameZh,
            SignatoryTitleEn = from.SignatoryTitleEn,
            SignatoryTitleZh = from.SignatoryTitleZh,
            NoticesInBothLanguages = from.NoticesInBothLanguages,
            ClearanceRequired = from.ClearanceRequired,
            FurtherLanguages = from.FurtherLanguages,
            ClonedFromId = from.Id,
        };
        db.Forums.Add(forum);
        await db.SaveChangesAsync(ct);
        var to = forum.Id;

        // Each level is saved before the next, so the next can point at the new ids; the maps say old id → new row.
        var venues = await CopyAsync(db.Venues, fromForumId, v => new Venue
        {
            ForumId = to, NameEn = v.NameEn, NameZh = v.NameZh, AddressEn = v.AddressEn, AddressZh = v.AddressZh, MapUrl = v.MapUrl,
        }, v => v.Id, copied, ct);
        var rooms = await CopyAsync(db.Rooms, fromForumId, r => new Room
        {
            ForumId = to, VenueId = venues[r.VenueId].Id, NameEn = r.NameEn, NameZh = r.NameZh, Capacity = r.Capacity, OpensAt = r.OpensAt,
            ClosesAt = r.ClosesAt, Equipment = r.Equipment, InterpretationBooths = r.InterpretationBooths,
        }, r => r.Id, copied, ct);
        await CopyAsync(db.VenueTravelTimes, fromForumId, t => new VenueTravelTime
        {
            ForumId = to, FromVenueId = venues[t.FromVenueId].Id, ToVenueId = venues[t.ToVenueId].Id, Minutes = t.Minutes,
        }, t => t.Id, copied, ct);
        var layouts = await CopyAsync(db.SeatLayouts, fromForumId, l => new SeatLayout
        {
            ForumId = to, RoomId = rooms[l.RoomId].Id, NameEn = l.NameEn, NameZh = l.NameZh, Shape = l.Shape, Tables = l.Tables,
            SeatsPerTable = l.SeatsPerTable, AisleAfter = l.AisleAfter, HeadSeats = l.HeadSeats,
        }, l => l.Id, copied, ct);
        var tracks = await CopyAsync(db.Tracks, fromForumId, t => new Track { ForumId = to, NameEn = t.NameEn, NameZh = t.NameZh, Color = t.Color },
            t => t.Id, copied, ct);
        var departments = await CopyAsync(db.HostDepartments, fromForumId, d => new HostDepartment
        {
            ForumId = to, NameEn = d.NameEn, NameZh = d.NameZh, Email = d.Email, ContactName = d.ContactName, PreferredLanguage = d.PreferredLanguage,
        }, d => d.Id, copied, ct);
        var guests = await CopyAsync(db.Guests, fromForumId, g => new Guest
        {
            ForumId = to, Kind = g.Kind, NameEn = g.NameEn, NameZh = g.NameZh, TitleEn = g.TitleEn, TitleZh = g.TitleZh, Organization = g.Organization,
            HostDepartmentId = g.HostDepartmentId is { } h ? departments[h].Id : null, LanguagePairs = g.LanguagePairs,
        }, g => g.Id, copied, ct);

        // The programme as a draft: no release, no enrolment; of its people only guests (never a delegate).
        var oldSessions = await db.Sessions.AsNoTracking().Where(s => s.ForumId == fromForumId).Include(s => s.People)
            .OrderBy(s => s.Id).ToListAsync(ct);
        var sessions = new Dictionary<int, Session>();
        foreach (var s in oldSessions)
        {
            var session = new Session
            {
                ForumId = to, Type = s.Type, TitleEn = s.TitleEn, TitleZh = s.TitleZh, AbstractEn = s.AbstractEn, AbstractZh = s.AbstractZh,
                TrackId = s.TrackId is { } t ? tracks[t].Id : null, RoomId = s.RoomId is { } r ? rooms[r].Id : null,
                StartUtc = Move(s.StartUtc), EndUtc = Move(s.EndUtc), Capacity = s.Capacity, Languages = s.Languages, IsPublic = s.IsPublic,
                ExpectedAttendance = s.ExpectedAttendance, Interpretation = s.Interpretation, InterpretationLanguages = s.InterpretationLanguages,
                Sequence = 0, UpdatedUtc = now, EnrolledCount = 0,
                People = s.People.Where(p => p.DelegateId is null && p.GuestId is not null).Select(p => new SessionPerson
                {
                    Role = p.Role, GuestId = guests[p.GuestId!.Value].Id, Position = p.Position, SpeakingMinutes = p.SpeakingMinutes,
                    SpeakingLanguage = p.SpeakingLanguage,
                }).ToList(),
            };
            sessions[s.Id] = session;
            db.Sessions.Add(session);
        }

        await db.SaveChangesAsync(ct);
        copied["Sessions"] = sessions.Count;
        copied["SessionPeople"] = sessions.Values.Sum(s => s.People.Count);

        await CopyAsync(db.SessionSeatings, fromForumId, s => new SessionSeating
        {
            ForumId = to, SessionId = sessions[s.SessionId].Id, LayoutId = layouts[s.LayoutId].Id,
            HostGuestId = s.HostGuestId is { } g ? guests[g].Id : null, Version = 0, UpdatedUtc = now,
        }, s => s.Id, copied, ct);
        await CopyAsync(db.ReservedSeats, fromForumId, s => new ReservedSeat
        {
            ForumId = to, SessionId = sessions[s.SessionId].Id, Table = s.Table, Seat = s.Seat, Purpose = s.Purpose, Note = s.Note,
        }, s => s.Id, copied, ct);

        var hotels = await CopyAsync(db.Hotels, fromForumId, h => new Hotel
        {
            ForumId = to, NameEn = h.NameEn, NameZh = h.NameZh, AddressEn = h.AddressEn, AddressZh = h.AddressZh, MapUrl = h.MapUrl, Phone = h.Phone,
            ReservationsEmail = h.ReservationsEmail,
        }, h => h.Id, copied, ct);
        await CopyAsync(db.RoomBlocks, fromForumId, b => new RoomBlock
        {
            ForumId = to, HotelId = hotels[b.HotelId].Id, Type = b.Type, Grade = b.Grade, DescriptionEn = b.DescriptionEn, DescriptionZh = b.DescriptionZh,
            FirstNight = b.FirstNight.AddDays(days), LastNight = b.LastNight.AddDays(days), Rooms = b.Rooms, Allocated = 0, Rate = b.Rate, Currency = b.Currency,
        }, b => b.Id, copied, ct);
        await CopyAsync(db.TransportHubs, fromForumId, h => new TransportHub { ForumId = to, Code = h.Code, NameEn = h.NameEn, NameZh = h.NameZh, Mode = h.Mode },
            h => h.Id, copied, ct);

        var questions = await CopyAsync(db.Questions.Where(q => !q.Retired), fromForumId, q => new Question
        {
            ForumId = to, Kind = q.Kind, TextEn = q.TextEn, TextZh = q.TextZh, Required = q.Required, Position = q.Position,
        }, q => q.Id, copied, ct);
        var oldQuestionIds = questions.Keys.ToList();
        var oldChoices = await db.QuestionChoices.AsNoTracking().Where(c => oldQuestionIds.Contains(c.QuestionId)).OrderBy(c => c.Id).ToListAsync(ct);
        var choices = oldChoices.ToDictionary(c => c.Id, c => new QuestionChoice
        {
            QuestionId = questions[c.QuestionId].Id, TextEn = c.TextEn, TextZh = c.TextZh, Position = c.Position,
        });
        db.QuestionChoices.AddRange(choices.Values);
        await db.SaveChangesAsync(ct);
        copied["QuestionChoices"] = choices.Count;

        await CopyAsync(db.NoticeTemplates, fromForumId, t => new NoticeTemplate
        {
            ForumId = to, Kind = t.Kind, Language = t.Language, Subject = t.Subject, Body = t.Body, UpdatedUtc = now, UpdatedBy = actor.Name,
        }, t => t.Id, copied, ct);
        await CopyAsync(db.BadgeLayoutChoices, fromForumId, b => new BadgeLayoutChoice { ForumId = to, Category = b.Category, Layout = b.Layout },
            b => b.Id, copied, ct);
        var zones = await CopyAsync(db.Zones, fromForumId, z => new Zone
        {
            ForumId = to, Code = z.Code, NameEn = z.NameEn, NameZh = z.NameZh, RoomId = z.RoomId is { } r ? rooms[r].Id : null, Capacity = z.Capacity,
        }, z => z.Id, copied, ct);
        await CopyAsync(db.ZoneCheckpoints, fromForumId, c => new ZoneCheckpoint
        {
            ForumId = to, ZoneId = zones[c.ZoneId].Id, NameEn = c.NameEn, NameZh = c.NameZh, Direction = c.Direction,
        }, c => c.Id, copied, ct);
        await CopyAsync(db.ZoneGrants, fromForumId, g => new ZoneGrant
        {
            ForumId = to, ZoneId = zones[g.ZoneId].Id, Category = g.Category, Day = g.Day?.AddDays(days), From = g.From, Until = g.Until,
        }, g => g.Id, copied, ct);

        // A delegation is a partner city's group, not a person: its name and city come along, its members do not.
        var delegations = await CopyAsync(db.Delegations, fromForumId, d => new Delegation
        {
            ForumId = to, PartnerCityId = d.PartnerCityId, NameEn = d.NameEn, NameZh = d.NameZh, CountryCode = d.CountryCode, Quota = d.Quota,
        }, d => d.Id, copied, ct);

        var ids = new Dictionary<string, Func<int, int?>>
        {
            ["forum"] = id => id == fromForumId ? to : null,
            ["venue"] = id => venues.GetValueOrDefault(id)?.Id,
            ["room"] = id => rooms.GetValueOrDefault(id)?.Id,
            ["track"] = id => tracks.GetValueOrDefault(id)?.Id,
            ["session"] = id => sessions.GetValueOrDefault(id)?.Id,
            ["question"] = id => questions.GetValueOrDefault(id)?.Id,
            ["choice"] = id => choices.GetValueOrDefault(id)?.Id,
            ["delegation"] = id => delegations.GetValueOrDefault(id)?.Id,
            ["hotel"] = id => hotels.GetValueOrDefault(id)?.Id,
            ["zone"] = id => zones.GetValueOrDefault(id)?.Id,

            // A notice's texts are named by its kind, which is the same in every edition.
            ["notice"] = id => id,
        };
        var translations = 0;
        foreach (var t in await db.ContentTranslations.AsNoTracking().Where(t => t.ForumId == fromForumId).OrderBy(t => t.Id).ToListAsync(ct))
        {
            // The new edition's own name (and a changed theme or place) is not what the old translation says: it is left
            // to be translated again rather than show "2010" to every reader of that language.
            var forumText = t.Field switch
            {
                ContentFields.ForumName => forum.NameEn, ContentFields.ForumTheme => forum.ThemeEn, ContentFields.ForumPlace => forum.PlaceEn, _ => null,
            };
            if (ContentFields.Owner(t.Field) == "forum" && t.SourceHash != ContentLanguages.Hash(forumText))
            {
                continue;
            }

            if (ids.GetValueOrDefault(ContentFields.Owner(t.Field)) is { } map && map(t.ItemId) is { } itemId)
            {
                db.ContentTranslations.Add(new ContentTranslation
                {
                    ForumId = to, Field = t.Field, ItemId = itemId, Language = t.Language, Value = t.Value, SourceHash = t.SourceHash,
                    UpdatedUtc = t.UpdatedUtc, UpdatedBy = t.UpdatedBy,
                });
                translations++;
            }
        }

        copied["ContentTranslations"] = translations;
        db.AuditEntries.Add(actor.Audit(to, now, nameof(Forum), to, "cloned",
            before: $"{from.Acronym} ({from.StartDate:yyyy-MM-dd})",
            after: $"{forum.Acronym} ({forum.StartDate:yyyy-MM-dd}, {days:+0;-0} days): "
                + string.Join(", ", copied.Where(c => c.Value > 0).Select(c => $"{c.Key} {c.Value}"))));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new CloneResult(to, forum.Acronym, forum.StartDate, days, copied);
    }

    /// <summary>Copies every row of the edition, in id order, saves, and answers old id → new row.</summary>
    private async Task<Dictionary<int, TNew>> CopyAsync<TOld, TNew>(IQueryable<TOld> rows, int fromForumId, Func<TOld, TNew> copy, Func<TOld, int> id,
        Dictionary<string, int> copied, CancellationToken ct)
        where TOld : class
        where TNew : class
    {
        var old = await rows.AsNoTracking().Where(r => EF.Property<int>(r, "ForumId") == fromForumId)
            .OrderBy(r => EF.Property<int>(r, "Id")).ToListAsync(ct);
        var map = old.ToDictionary(id, copy);
        db.AddRange(map.Values);
        await db.SaveChangesAsync(ct);
        copied[typeof(TNew).Name + "s"] = map.Count;
        return map;
    }

    [GeneratedRegex("^[A-Z0-9][A-Z0-9-]*$")]
    private static partial Regex AcronymPattern();
}
