using ForumManager.Core.Auditing;
using ForumManager.Core.Delegates;
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

/// <summary>Hotels and their room blocks, the automatic allocation, and those still waiting for a room.</summary>
public sealed class IndexModel(ForumDbContext db, CurrentForum current, RoomAllocations allocations, HotelBlocks hotels, UserManager<ForumUser> users,
    IStringLocalizer<SharedResource> text) : PageModel
{
    public sealed record BlockRow(int Id, int HotelId, RoomType Type, int Grade, string? Description, DateOnly FirstNight, DateOnly LastNight, int Rooms, int Allocated, decimal Rate, string Currency);

    public sealed record HotelRow(int Id, string Name, string? Address, string? MapUrl, IReadOnlyList<BlockRow> Blocks, int Guests);

    public sealed record WaitingRow(int DelegateId, string LatinName, string? NativeName, string? NativeLanguage, string? Delegation, DelegateCategory Category,
        Gender? Gender, RoomType Wants, Sharing Sharing, DateOnly CheckIn, DateOnly CheckOut)
    {
        /// <summary>Why the blocks as they are now cannot take them; null while some block still could.</summary>
        public string? Why { get; init; }
    }

    /// <summary>Bound only by its own handler, under its prefix, so that the other forms on the page never see its rules.</summary>
    public HotelInput Hotel { get; set; } = new();

    public BlockInput Block { get; set; } = new();

    /// <summary>A block's new number of rooms, by block id.</summary>
    [BindProperty]
    public Dictionary<int, int?> BlockRooms { get; set; } = [];

    public Dictionary<int, string> BlockErrors { get; } = [];

    public Forum? Forum { get; private set; }
    public IReadOnlyList<HotelRow> Hotels { get; private set; } = [];
    public IReadOnlyList<WaitingRow> Waiting { get; private set; } = [];
    public int Asked { get; private set; }
    public IReadOnlyList<(int Id, string Name)> Delegations { get; private set; } = [];
    public int Housed { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
            return NotFound();
        Block.FirstNight = Forum!.StartDate.AddDays(-1);
        Block.LastNight = Forum.EndDate;
        return Page();
    }

    public async Task<IActionResult> OnPostAllocateAsync(string? delegation, CancellationToken ct)
    {
        // A delegation that is not a number must not turn into "every delegation".
        int? one = null;
        if (!string.IsNullOrEmpty(delegation))
        {
            if (!int.TryParse(delegation, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id))
                return BadRequest();
            one = id;
        }

        if (await current.GetAsync(ct) is not { } forum)
            return NotFound();

        var outcome = await allocations.AllocateAsync(forum.Id, Actor(), ct, one);
        TempData["Status"] = text[outcome.Unplaced.Count == 0 ? "Hotels_Allocated" : "Hotels_AllocatedSomeWaiting", outcome.Placed, outcome.Unplaced.Count].Value;
        if (outcome.Unplaced.Count > 0)
            TempData[StatusLine.KindKey] = "warning";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostPlaceAsync(int delegateId, int blockId, CancellationToken ct)
    {
        if (await current.GetAsync(ct) is not { } forum)
            return NotFound();

        var outcome = await allocations.PlaceInNewRoomAsync(forum.Id, delegateId, blockId, Actor(), ct);
        if (outcome == PlaceOutcome.NotFound)
            return NotFound();
        TempData.Outcome(text["Hotels_Place_" + outcome].Value, refused: outcome != PlaceOutcome.Placed);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostHotelAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
            return NotFound();
        await TryUpdateModelAsync(Hotel, nameof(Hotel));
        if (!ModelState.IsValid)
            return Page();

        var errors = new FieldErrors();
        if (await hotels.AddHotelAsync(Forum!, Hotel, Actor(), errors, ct) is not { } hotel)
        {
            ModelState.AddErrors(errors);
            return Page();
        }

        TempData["Status"] = text["Hotels_HotelAdded", hotel.NameEn].Value;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostBlockAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
            return NotFound();
        await TryUpdateModelAsync(Block, nameof(Block));
        ModelState.Check(errors => hotels.CheckBlock(Block, Hotels.Select(h => h.Id).ToList(), errors));
        if (!ModelState.IsValid)
            return Page();

        await hotels.AddBlockAsync(Forum!, Block, Actor(), ct);
        TempData["Status"] = text["Hotels_BlockAdded"].Value;
        return RedirectToPage();
    }

    /// <summary>Changes the number of rooms in blocks; never below the rooms already given out.</summary>
    public async Task<IActionResult> OnPostRoomsAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
            return NotFound();

        var blocks = Hotels.SelectMany(h => h.Blocks).ToDictionary(b => b.Id);
        var changes = BlockRooms.Where(p => blocks.ContainsKey(p.Key) && p.Value is { } wanted && wanted != blocks[p.Key].Rooms)
            .Select(p => (p.Key, blocks[p.Key].Rooms, blocks[p.Key].Allocated, p.Value!.Value)).ToList();
        foreach (var (id, message) in await hotels.SetRoomsAsync(Forum!, changes, Actor(), ct))
            BlockErrors[id] = message;
        if (BlockErrors.Count > 0)
        {
            await LoadAsync(ct);
            return Page();
        }

        TempData["Status"] = text["Hotels_RoomsSaved"].Value;
        return RedirectToPage();
    }

    private string? Why(WaitingRow row, IReadOnlyList<BlockSpace> free, IReadOnlyDictionary<int, string> blockNames)
    {
        var guest = new RoomGuest(row.DelegateId, null, 0, row.Category is DelegateCategory.Vip or DelegateCategory.HeadOfDelegation, 0, row.Gender, row.Wants,
            row.Sharing, null, row.CheckIn, row.CheckOut);
        if (RoomAllocator.WhyNotPlaced(guest, free) is not { } obstacle)
            return null;
        if (obstacle.Reason == UnplacedReason.NightsNotHeld)
            return text["Hotels_Why_NightsNotHeld", Dates.Range(row.CheckIn, row.CheckOut)].Value;

        var names = string.Join(UiLanguage.Chinese ? "、" : ", ", obstacle.FullBlocks.Select(b => blockNames.GetValueOrDefault(b.BlockId, "#" + b.BlockId)));
        var key = obstacle.FullBlocks.All(b => b.Type == row.Wants) ? "Hotels_Why_NoneLeft_" + row.Wants : "Hotels_Why_NoRoomsLeft";
        return text.Plural(key, obstacle.FullBlocks.Count, names).Value;
    }

    private Actor Actor() => new(users.GetUserId(User), User.Identity?.Name ?? "organizer");

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Forum = await current.GetAsync(ct);
        if (Forum is null)
            return false;

        var forumId = Forum.Id;
        var chinese = UiLanguage.Chinese;
        var hotels = await db.Hotels.AsNoTracking().Where(h => h.ForumId == forumId).OrderBy(h => h.Id).ToListAsync(ct);
        var blocks = await db.RoomBlocks.AsNoTracking().Where(b => b.ForumId == forumId).OrderBy(b => b.Grade).ThenBy(b => b.Id)
            .Select(b => new BlockRow(b.Id, b.HotelId, b.Type, b.Grade, chinese ? b.DescriptionZh : b.DescriptionEn, b.FirstNight, b.LastNight, b.Rooms, b.Allocated, b.Rate, b.Currency))
            .ToListAsync(ct);
        var guests = await db.RoomOccupants.AsNoTracking().Where(o => o.ForumId == forumId)
            .GroupBy(o => o.HotelRoom!.RoomBlock!.HotelId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        Hotels = hotels.Select(h => new HotelRow(h.Id, chinese ? h.NameZh : h.NameEn, chinese ? h.AddressZh : h.AddressEn, h.MapUrl,
            blocks.Where(b => b.HotelId == h.Id).ToList(), guests.GetValueOrDefault(h.Id))).ToList();

        Delegations = await db.DelegationsAsync(forumId, ct);
        var approved = db.Delegates.Where(d => d.ForumId == forumId && d.Status == RegistrationStatus.Approved); // "in", not "exists": ids read once
        Asked = await db.AccommodationRequests.CountAsync(r => r.ForumId == forumId && approved.Select(d => d.Id).Contains(r.DelegateId), ct);
        Housed = await db.RoomOccupants.CountAsync(o => o.ForumId == forumId, ct);
        Waiting = await db.AccommodationRequests.AsNoTracking()
            .Where(r => r.ForumId == forumId && !db.RoomOccupants.Any(o => o.DelegateId == r.DelegateId))
            .Join(approved, r => r.DelegateId, d => d.Id, (r, d) => new { r, d })
            .OrderBy(x => x.d.Delegation == null ? "" : x.d.Delegation.NameEn).ThenBy(x => x.d.PrecedenceRank).ThenBy(x => x.d.FamilyName)
            .Take(500)
            .Select(x => new WaitingRow(x.d.Id, x.d.FamilyName.ToUpper() + " " + x.d.GivenName, x.d.NativeName, x.d.NativeNameLanguage,
                x.d.Delegation == null ? null : chinese ? x.d.Delegation.NameZh : x.d.Delegation.NameEn, x.d.Category, x.d.Gender, x.r.Type, x.r.Sharing, x.r.CheckIn, x.r.CheckOut))
            .ToListAsync(ct);

        var free = await allocations.FreeBlocksAsync(forumId, ct);
        var hotelNames = Hotels.ToDictionary(h => h.Id, h => h.Name);
        var blockNames = blocks.ToDictionary(b => b.Id, b => $"“{hotelNames.GetValueOrDefault(b.HotelId)} · {(string.IsNullOrWhiteSpace(b.Description) ? text["RoomType_" + b.Type].Value : b.Description)}”");
        Waiting = Waiting.Select(w => w with { Why = Why(w, free, blockNames) }).ToList();
        return true;
    }
}
