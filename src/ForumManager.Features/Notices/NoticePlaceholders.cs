namespace ForumManager.Features.Notices;

/// <summary>
/// Every placeholder a notice template may use, with what it stands for in both languages: the list organizers
/// read on the template page, and the list a template is checked against before it is saved.
/// </summary>
public static class NoticePlaceholders
{
    public sealed record Placeholder(string Path, string En, string Zh);

    public static IReadOnlyList<Placeholder> All { get; } =
    [
        new("delegate.name", "Full name with honorific, as on letters", "含尊称的全名"),
        new("delegate.given_name", "Given name(s)", "名"),
        new("delegate.family_name", "Family name", "姓"),
        new("delegate.native_name", "Name in the delegate's own script", "本国文字姓名"),
        new("delegate.honorific", "Honorific (H.E., Dr, Ms…)", "尊称"),
        new("delegate.position", "Title or position", "职务"),
        new("delegate.organization", "Organization", "单位"),
        new("delegate.delegation", "Delegation", "代表团"),
        new("delegate.country", "Country", "国家"),
        new("delegate.category", "Category (Delegate, VIP…)", "类别"),
        new("delegate.status", "Registration status", "报名状态"),
        new("delegate.reason", "The organizers' reason for a decision, if any", "组委会给出的原因（如有）"),
        new("delegate.email", "Email address", "电子邮箱"),
        new("forum.name", "The forum's name", "论坛名称"),
        new("forum.theme", "The forum's theme", "论坛主题"),
        new("forum.place", "Where it is held", "举办地点"),
        new("forum.dates", "Its dates", "举办日期"),
        new("links.me", "The delegate's own page", "代表个人页面链接"),
        new("links.agenda", "The public programme", "公开日程链接"),
        new("links.my_agenda", "The delegate's own programme", "个人日程链接"),
        new("links.edit", "Where the delegate edits the registration", "修改报名信息的链接"),
        new("links.visa_letter", "The visa invitation letter (PDF)", "签证邀请函（PDF）链接"),
        new("links.photo", "Where the delegate uploads a photo", "上传照片的链接"),
        new("links.confirm", "The email confirmation link (confirmation notice only)", "邮箱确认链接（仅限确认邮件）"),
        new("agenda", "The delegate's sessions, for a loop: {% for s in agenda %}…{% endfor %}", "代表的日程列表，用于循环"),
        new("agenda[].title", "A session's title", "会议名称"),
        new("agenda[].when", "Its day and time in forum time", "日期和时间（论坛当地时间）"),
        new("agenda[].room", "Its room and venue", "会议室和场馆"),
        new("session.title", "The session this notice is about (changes, waiting list)", "本通知涉及的会议"),
        new("session.when", "Its day and time", "其日期和时间"),
        new("session.room", "Its room", "其会议室"),
        new("session.removed", "True when the session was taken off the programme", "会议被取消时为真"),
        new("photo.reason", "The organizers' reason for refusing a photo (photo notices only)", "组委会未通过照片的原因（仅限照片通知）"),
        new("travel.hotel", "The hotel the delegate is given, with its address (empty until a room is given)", "为代表安排的酒店及地址（安排前为空）"),
        new("travel.room", "Room type and number, and the nights", "房型、房号和入住日期"),
        new("travel.arrival", "The delegate's arrival: flight or train, place and time", "代表的抵达信息：航班或车次、地点和时间"),
        new("travel.pickup", "The airport pickup: vehicle, where and when it leaves (empty until assigned)", "接机安排：车辆、地点和发车时间（安排前为空）"),
        new("travel.driver", "The driver's name and phone", "司机姓名和电话"),
        new("travel.liaison", "The liaison officer's name and phone", "联络员姓名和电话"),
        new("seating.session", "The seated session (in a reminder, the first of that day; otherwise the first of all; empty until seated)", "安排座位的活动（提醒中为当天第一场，其他通知为第一场；排座前为空）"),
        new("seating.when", "Its day and time", "其日期和时间"),
        new("seating.table", "The table or row (Table 5, Row 2, Head table)", "桌号或排号（第5桌、第2排、主席台）"),
        new("seating.seat", "The seat number", "座位号"),
        new("seating.place", "Table and seat in full: Table 5, seat 3", "完整座位：第5桌 3号座"),
    ];

    /// <summary>Roots and the members each allows; a root ending in [] is a list whose items have those members.</summary>
    public static IReadOnlyDictionary<string, HashSet<string>> Members { get; } = All
        .Where(p => p.Path.Contains('.', StringComparison.Ordinal))
        .GroupBy(p => p.Path[..p.Path.IndexOf('.', StringComparison.Ordinal)])
        .ToDictionary(g => g.Key, g => g.Select(p => p.Path[(p.Path.IndexOf('.', StringComparison.Ordinal) + 1)..]).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);

    public static bool IsList(string root) => root == "agenda";
}
