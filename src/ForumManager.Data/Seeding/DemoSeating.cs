using ForumManager.Core.Forums;
using ForumManager.Core.Programme;
using ForumManager.Core.Protocol;

namespace ForumManager.Data.Seeding;

/// <summary>
/// The banquet hall's layout as a protocol office sets it for the welcome banquet, 22 round tables of 10, already chosen for
/// the banquet so organizers can seat it at once; nobody is seated yet (that is one button, and the demo stays quick).
/// </summary>
internal static class DemoSeating
{
    public static void Add(ForumDbContext db, int forumId, Room banquetHall, DateTime nowUtc)
    {
        var layout = new SeatLayout
        {
            ForumId = forumId, RoomId = banquetHall.Id, NameEn = "Banquet, 22 tables of 10", NameZh = "宴会 22桌（每桌10人）",
            Shape = LayoutShape.RoundTables, Tables = 22, SeatsPerTable = 10,
        };
        db.SeatLayouts.Add(layout);
        var banquet = db.Sessions.Local.Single(s => s.ForumId == forumId && s.Type == SessionType.Banquet);
        db.SessionSeatings.Add(new SessionSeating { ForumId = forumId, SessionId = banquet.Id, Layout = layout, UpdatedUtc = nowUtc });
    }
}
