using ForumManager.Core.Auditing;
using ForumManager.Core.Forums;
using ForumManager.Core.Logistics;
using ForumManager.Data;
using ForumManager.Features;
using ForumManager.Features.Forums;
using ForumManager.Features.Logistics;
using ForumManager.Features.Text;
using ForumManager.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ForumManager.Web.Pages.Admin.Logistics.Hotels;

/// <summary>One hotel's rooms and guests: moves by hand, room numbers, and the rooming list with what changed since it was last sent.</summary>
public sealed class HotelModel(ForumDbContext db, CurrentForum current, RoomingList rooming, RoomAllocations allocations, UserManager<ForumUser> users,
    Mail.MailQueue mail, Documents.DocumentHealth health, TimeProvider clock, IStringLocalizer<SharedResource> text) : PageModel
{
    public sealed record Target(string Value, string Label);

    public Forum? Forum { get; private set; }
    public RoomingListData? List { get; private set; }

    public const int PageSize = 100;

    /// <summary>
    /// Where a guest can be moved: a new room from a block with rooms left (b:id), out of the hotel, or a room of this
    /// hotel with a bed free (r:id) whose guest is of the same delegation; a list of every free bed would not fit a large hotel.
    /// </summary>
    public IReadOnlyList<Target> Targets { get; private set; } = [];

    public IReadOnlyDictionary<int, IReadOnlyList<Target>> SharedRoomsByDelegation { get; private set; } = new Dictionary<int, IReadOnlyList<Target>>();

    /// <summary>Guests whose name or delegation contains this, in any script.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    /// <summary>Set when taking a guest out was asked for without its confirmation: the page then only asks.</summary>
    public ConfirmStep? Confirmation { get; private set; }

    public int Pages => Math.Max(1, ((List?.Matching ?? 0) + PageSize - 1) / PageSize);

    /// <summary>The pages the pager links: the first, the last and those near this one (a hotel of 20,000 guests has 200 pages).</summary>
    public IReadOnlyList<int> PagerPages => [.. Enumerable.Range(1, Pages).Where(p => p == 1 || p == Pages || Math.Abs(p - PageNumber) <= 3)];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        PageNumber = Math.Clamp(PageNumber, 1, 100_000);
        if (!await LoadAsync(id, ct, new RoomingWindow(Q, (PageNumber - 1) * PageSize, PageSize)))
            return NotFound();
        return Page();
    }

    public async Task<IActionResult> OnPostMoveAsync(int id, int delegateId, string? target, [FromForm(Name = ConfirmStep.Field)] bool confirm,
        CancellationToken ct)
    {
        if (await current.GetAsync(ct) is not { } forum || !await db.Hotels.AnyAsync(h => h.Id == id && h.ForumId == forum.Id, ct))
            return NotFound();

        var actor = Actor();
        PlaceOutcome outcome;
        if (target == "out")
        {
            var guest = await db.RoomOccupants.AsNoTracking().Where(o => o.DelegateId == delegateId && o.HotelRoom!.RoomBlock!.HotelId == id)
                .Select(o => new
                {
                    Name = db.Delegates.Where(d => d.Id == o.DelegateId).Select(d => d.FamilyName.ToUpper() + " " + d.GivenName).First(),
                    o.HotelRoomId, o.HotelRoom!.RoomNumber, Others = o.HotelRoom.Occupants.Count - 1,
                    Hotel = UiLanguage.Chinese ? o.HotelRoom.RoomBlock!.Hotel!.NameZh : o.HotelRoom.RoomBlock!.Hotel!.NameEn,
                })
                .SingleOrDefaultAsync(ct);
            if (guest is null)
                return NotFound();
            if (!confirm)
            {
                Forum = forum;
                Confirmation = new ConfirmStep(text["Hotels_ConfirmTakeOut", guest.Name, guest.RoomNumber ?? "#" + guest.HotelRoomId, guest.Hotel],
                [
                    guest.Others > 0 ? text["Hotels_ConfirmRoommateStays"] : text["Hotels_ConfirmRoomFreed"],
                    text["Hotels_ConfirmListMarks"],
                    text["Hotels_ConfirmNotMailed"],
                ], text["Hotels_TakeOut"], $"/admin/hotels/{id}");
                return Page();
            }

            await allocations.VacateAsync(forum.Id, delegateId, actor, ct);
            outcome = PlaceOutcome.Placed;
        }
        else if (target is ['r', ':', .. var room] && int.TryParse(room, out var roomId))
            outcome = await allocations.PlaceInRoomAsync(forum.Id, delegateId, roomId, actor, ct);
        else if (target is ['b', ':', .. var block] && int.TryParse(block, out var blockId))
            outcome = await allocations.PlaceInNewRoomAsync(forum.Id, delegateId, blockId, actor, ct);
        else
            outcome = PlaceOutcome.NotFound;

        TempData.Outcome(text["Hotels_Place_" + outcome].Value, refused: outcome != PlaceOutcome.Placed);
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostNumberAsync(int id, int roomId, string? number, CancellationToken ct)
    {
        if (await current.GetAsync(ct) is not { } forum)
            return NotFound();

        var value = string.IsNullOrWhiteSpace(number) ? null : number.Trim();
        if (value is { Length: > 20 } || value?.Any(c => c == '|' || char.IsControl(c)) == true)
        {
            TempData.Refusal(text["Hotels_NumberFormat", 20].Value);
            return RedirectToPage(new { id });
        }

        var changed = await db.HotelRooms.Where(r => r.Id == roomId && r.ForumId == forum.Id && r.RoomBlock!.HotelId == id)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.RoomNumber, value), ct);
        if (changed == 0)
            return NotFound();
        TempData["Status"] = text["Hotels_NumberSaved"].Value;
        return RedirectToPage(new { id });
    }

    /// <summary>Records the list as sent to the hotel: the next list marks what changes after this.</summary>
    public Task<IActionResult> OnPostSentAsync(int id, CancellationToken ct) => SendAsync(id, byMail: false, ct);

    /// <summary>Mails the rooming list (XLSX and PDF) to the hotel's reservations desk through the outbox, and records it as sent.</summary>
    public Task<IActionResult> OnPostMailAsync(int id, CancellationToken ct) => SendAsync(id, byMail: true, ct);

    private async Task<IActionResult> SendAsync(int id, bool byMail, CancellationToken ct)
    {
        if (await current.GetAsync(ct) is not { } forum || await rooming.BuildAsync(forum, id, ct) is not { } list)
            return NotFound();
        if (byMail && string.IsNullOrWhiteSpace(list.Hotel.ReservationsEmail))
        {
            TempData.Refusal(text["Hotels_NoReservationsEmail"].Value);
            return RedirectToPage(new { id });
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var snapshot = RoomingList.Snapshot(list);
        var guests = list.Rows.Count(r => r.Change != RoomingChange.Removed);
        if (byMail)
        {
            // The hotel gets what the organizers see: the whole list, with the rows changed since the last sending marked.
            var pdf = Documents.Lists.ListDocument.Render(RoomingList.Document(list, forum, now));
            health.Record(pdf.Missing);
            var (headings, rows) = RoomingList.Table(list, forum);
            var name = $"{forum.Acronym}-rooming-{id}-{now:yyyyMMdd}";
            var body = $"{list.Hotel.NameZh} {list.Hotel.NameEn}:\n\n" +
                $"附件为{forum.NameZh}住宿名单（{guests} 位宾客，{list.Changes} 处变动已标出）。\n" +
                $"Attached is the rooming list of the {forum.NameEn} ({guests} guests; {list.Changes} changes marked since the last list).\n\n{forum.NameZh}\n{forum.NameEn}";
            mail.Add(new Mail.MailDraft(list.Hotel.ReservationsEmail!, list.Hotel.NameEn, $"Rooming list 住宿名单 · {forum.NameEn} · {now:yyyy-MM-dd}", body, null, "logistics.rooming-list")
            {
                Attachments =
                [
                    new Mail.MailAttachment(name + ".xlsx", Spreadsheets.XlsxType, await Spreadsheets.XlsxAsync("Rooming", headings, rows, ct)),
                    new Mail.MailAttachment(name + ".pdf", "application/pdf", pdf.Pdf),
                ],
                FromName = forum.NameZh,
            });
        }

        db.RoomingListSendings.Add(new RoomingListSending { ForumId = forum.Id, HotelId = id, SentUtc = now, SentBy = User.Identity?.Name ?? "organizer", Snapshot = snapshot });
        db.AuditEntries.Add(Actor().Audit(forum.Id, now, nameof(Core.Logistics.Hotel), id, byMail ? "rooming-list-mailed" : "rooming-list-sent", after: $"{guests} guests"));
        await db.SaveChangesAsync(ct);
        if (byMail)
            mail.NotifySaved();
        TempData["Status"] = (byMail ? text["Hotels_Mailed", list.Hotel.ReservationsEmail!] : text["Hotels_MarkedSent"]).Value;
        return RedirectToPage(new { id });
    }

    private Actor Actor() => new(users.GetUserId(User), User.Identity?.Name ?? "organizer");

    private async Task<bool> LoadAsync(int id, CancellationToken ct, RoomingWindow window)
    {
        Forum = await current.GetAsync(ct);
        if (Forum is null)
            return false;
        List = await rooming.BuildAsync(Forum, id, ct, window);
        if (List is null)
            return false;

        var chinese = UiLanguage.Chinese;
        var open = await rooming.OpenRoomsAsync(id, [.. List.Rows.Where(r => r.DelegationId is not null).Select(r => r.DelegationId!.Value).Distinct()], ct);
        SharedRoomsByDelegation = open.GroupBy(r => r.DelegationId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<Target>)g.Select(r => new Target($"r:{r.Id}", $"{text["Hotels_SharedRoom"]} {r.RoomNumber ?? "#" + r.Id} ({text["RoomType_" + r.Type]})")).ToList());
        var blocks = await db.RoomBlocks.AsNoTracking().Where(b => b.HotelId == id && b.Allocated < b.Rooms).OrderBy(b => b.Grade)
            .Select(b => new { b.Id, b.Type, Description = chinese ? b.DescriptionZh : b.DescriptionEn, Free = b.Rooms - b.Allocated }).ToListAsync(ct);
        Targets =
        [
            .. blocks.Select(b => new Target($"b:{b.Id}", $"{text["Hotels_NewRoom"]} · {text["RoomType_" + b.Type]} {b.Description} ({text["Hotels_FreeCount", b.Free]})")),
            new Target("out", text["Hotels_TakeOut"]),
        ];
        return true;
    }
}
