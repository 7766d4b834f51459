using ForumManager.Core.Delegates;
using ForumManager.Core.Directory;
using ForumManager.Core.Forums;
using ForumManager.Core.Programme;
using ForumManager.Core.Registration;
using ForumManager.Core.Text;
using Microsoft.EntityFrameworkCore;
using Delegate = ForumManager.Core.Delegates.Delegate;

namespace ForumManager.Data.Seeding;

/// <summary>
/// The 2010 China Hunan International Sister Cities Cooperation Forum as a demo edition: venues, the programme,
/// the sister-city directory and <c>N</c> delegates. The same N always gives the same data.
/// </summary>
public sealed class DemoForumSeeder(ForumDbContext db)
{
    public const string Acronym = "HISCF2010";
    public const int DefaultDelegates = 220;

    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly DateOnly Day1 = new(2010, 6, 22);
    private static readonly DateOnly Day2 = new(2010, 6, 23);
    private static readonly DateOnly Day3 = new(2010, 6, 24);

    public Task<bool> IsSeededAsync(CancellationToken ct) => db.Forums.AnyAsync(f => f.Acronym == Acronym, ct);

    /// <returns>false when the demo forum was already there (nothing is changed then).</returns>
    public async Task<bool> SeedAsync(int delegateCount, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(delegateCount);
        if (await IsSeededAsync(ct))
        {
            return false;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var cities = await EnsureDirectoryAsync(ct);

        var forum = new Forum
        {
            Acronym = Acronym,
            NameEn = "2010 China Hunan International Sister Cities Cooperation Forum",
            NameZh = "2010中国湖南国际友好城市合作论坛",
            ThemeEn = "Intercity Cooperation and Common Development",
            ThemeZh = "城市合作与共同发展",
            PlaceEn = "Changsha, Hunan, China",
            PlaceZh = "中国湖南长沙",
            HostEn = "Foreign Affairs Office of the Hunan Provincial People's Government",
            HostZh = "湖南省人民政府外事侨务办公室",
            SignatoryTitleEn = "Director General",
            SignatoryTitleZh = "主任",
            StartDate = Day1,
            EndDate = Day3,
            TimeZoneId = "Asia/Shanghai",
            Status = ForumStatus.Open,
            CreatedUtc = new DateTime(2010, 3, 1, 0, 0, 0, DateTimeKind.Utc),
            OpenRegistration = true,
            RetentionDays = 365,
            FurtherLanguages = DemoLanguages.Further,
        };
        db.Forums.Add(forum);
        await db.SaveChangesAsync(ct);

        var rooms = AddVenues(forum.Id);
        var tracks = AddTracks(forum.Id);
        await db.SaveChangesAsync(ct);

        AddProgramme(forum.Id, rooms, tracks);
        AddQuestions(forum.Id, tracks);
        await db.SaveChangesAsync(ct);
        await DemoLanguages.AddAsync(db, forum, ct);
        await DemoZones.AddAsync(db, forum.Id, rooms.Ballroom, rooms.VipRoom, rooms.Exhibition, rooms.Banquet, rooms.Garden, Day1, Day2, ct);
        AddProgrammePeople(forum.Id, rooms);
        DemoSeating.Add(db, forum.Id, rooms.Banquet, forum.CreatedUtc);
        var quota = Math.Max(8, (delegateCount + cities.Count - 1) / cities.Count);
        var delegations = cities.Select(c => NewDelegation(forum.Id, c, quota)).ToList();
        db.Delegations.AddRange(delegations);
        await db.SaveChangesAsync(ct);

        var delegates = NewDelegates(forum.Id, delegateCount, cities, delegations).ToList();
        db.Delegates.AddRange(delegates);

        // Room for more: a fresh install takes a registration at once.
        forum.PlacesTaken = delegates.Count(d => d.HoldsPlace);
        forum.Capacity = forum.PlacesTaken + Math.Max(50, delegateCount / 4);
        await db.SaveChangesAsync(ct);
        DemoLogistics.Add(db, forum, delegates);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return true;
    }

    private async Task<List<(CitySeed Seed, PartnerCity City)>> EnsureDirectoryAsync(CancellationToken ct)
    {
        var existing = await db.PartnerCities.ToListAsync(ct);
        var result = new List<(CitySeed, PartnerCity)>();
        foreach (var seed in DemoData.Cities)
        {
            var city = existing.FirstOrDefault(c => c.NameEn == seed.NameEn && c.CountryCode == seed.CountryCode && c.HunanPartnerEn == seed.HunanPartnerEn);
            if (city is null)
            {
                city = new PartnerCity
                {
                    NameEn = seed.NameEn,
                    NameZh = seed.NameZh,
                    NameLocal = seed.NameLocal,
                    CountryCode = seed.CountryCode,
                    HunanPartnerEn = seed.HunanPartnerEn,
                    HunanPartnerZh = seed.HunanPartnerZh,
                    Relation = seed.Relation,
                    YearEstablished = seed.YearEstablished,
                };
                db.PartnerCities.Add(city);
            }

            result.Add((seed, city));
        }

        await db.SaveChangesAsync(ct);
        return result;
    }

    private sealed record DemoRooms(Room Ballroom, Room[] Halls, Room VipRoom, Room Exhibition, Room Garden, Room Banquet);

    private DemoRooms AddVenues(int forumId)
    {
        Room NewRoom(string en, string zh, int capacity, TimeOnly? opens = null, TimeOnly? closes = null, int booths = 0, string? equipment = null) => new()
        {
            ForumId = forumId, NameEn = en, NameZh = zh, Capacity = capacity, OpensAt = opens, ClosesAt = closes,
            InterpretationBooths = booths, Equipment = equipment,
        };

        var huatian = new Venue
        {
            ForumId = forumId,
            NameEn = "Huatian Hotel",
            NameZh = "华天大酒店",
            AddressEn = "300 Jiefang East Road, Furong District, Changsha",
            AddressZh = "长沙市芙蓉区解放东路300号",
            MapUrl = "https://www.openstreetmap.org/search?query=Huatian%20Hotel%20Changsha",
        };
        var ballroom = NewRoom("Grand Ballroom", "大宴会厅", 800, new TimeOnly(7, 0), new TimeOnly(23, 0), booths: 4,
            equipment: "Stage, podium, two projectors and screens, 800 interpretation receivers");
        var halls = new[]
        {
            NewRoom("Conference Hall 1", "第一会议厅", 150, new TimeOnly(7, 30), new TimeOnly(21, 0), booths: 2, equipment: "Projector, podium, 150 interpretation receivers"),
            NewRoom("Conference Hall 2", "第二会议厅", 150, new TimeOnly(7, 30), new TimeOnly(21, 0), booths: 2, equipment: "Projector, podium, 150 interpretation receivers"),
            NewRoom("Conference Hall 3", "第三会议厅", 120, new TimeOnly(7, 30), new TimeOnly(21, 0), booths: 2, equipment: "Projector, podium, 150 interpretation receivers"),
            NewRoom("Conference Hall 4", "第四会议厅", 120, new TimeOnly(7, 30), new TimeOnly(21, 0), booths: 2, equipment: "Projector, podium, 150 interpretation receivers"),
        };
        var vip = NewRoom("VIP Meeting Room", "贵宾会见厅", 40, new TimeOnly(8, 0), new TimeOnly(22, 0));
        var banquet = NewRoom("Furong Banquet Hall", "芙蓉宴会厅", 400, new TimeOnly(11, 0), new TimeOnly(23, 0), booths: 1, equipment: "Stage, sound system");
        huatian.Rooms.AddRange([ballroom, .. halls, vip, banquet]);

        var exhibitionVenue = new Venue
        {
            ForumId = forumId,
            NameEn = "Hunan Exhibition Hall",
            NameZh = "湖南展览馆",
            AddressEn = "Wuyi Avenue, Changsha",
            AddressZh = "长沙市五一大道",
            MapUrl = "https://www.openstreetmap.org/search?query=Hunan%20Exhibition%20Hall%20Changsha",
        };
        var exhibition = NewRoom("Exhibition Hall A", "A展厅", 500, new TimeOnly(9, 0), new TimeOnly(17, 30));
        exhibitionVenue.Rooms.Add(exhibition);

        var park = new Venue
        {
            ForumId = forumId,
            NameEn = "Yanghu Wetland Park",
            NameZh = "洋湖湿地公园",
            AddressEn = "Yuelu District, Changsha",
            AddressZh = "长沙市岳麓区",
            MapUrl = "https://www.openstreetmap.org/search?query=Yanghu%20Wetland%20Park%20Changsha",
        };
        var garden = NewRoom("Friendship Grove", "友谊林", 400, new TimeOnly(6, 0), new TimeOnly(20, 0));
        park.Rooms.Add(garden);

        db.Venues.AddRange(huatian, exhibitionVenue, park);
        return new DemoRooms(ballroom, halls, vip, exhibition, garden, banquet);
    }

    /// <summary>
    /// Travel times between the venues, the interpreters of the plenary and the special-topic forums, and the host
    /// officials of the bilateral meetings (Zhou Qiang and Xu Shousheng met the guests on 22 June 2010).
    /// </summary>
    private void AddProgrammePeople(int forumId, DemoRooms rooms)
    {
        var hotel = rooms.Ballroom.VenueId;
        db.VenueTravelTimes.AddRange(
            new VenueTravelTime { ForumId = forumId, FromVenueId = hotel, ToVenueId = rooms.Exhibition.VenueId, Minutes = 20 },
            new VenueTravelTime { ForumId = forumId, FromVenueId = hotel, ToVenueId = rooms.Garden.VenueId, Minutes = 40 },
            new VenueTravelTime { ForumId = forumId, FromVenueId = rooms.Exhibition.VenueId, ToVenueId = rooms.Garden.VenueId, Minutes = 30 });

        Guest NewGuest(GuestKind kind, string en, string zh, string titleEn, string titleZh) =>
            new() { ForumId = forumId, Kind = kind, NameEn = en, NameZh = zh, TitleEn = titleEn, TitleZh = titleZh };
        var interpreters = new[]
        {
            NewGuest(GuestKind.Interpreter, "Chen Jing", "陈静", "Conference interpreter, Chinese–English", "中英会议口译"),
            NewGuest(GuestKind.Interpreter, "Liu Yang", "刘洋", "Conference interpreter, Chinese–English", "中英会议口译"),
            NewGuest(GuestKind.Interpreter, "Zhang Min", "张敏", "Conference interpreter, Chinese–French", "中法会议口译"),
        };
        var zhou = NewGuest(GuestKind.Official, "Zhou Qiang", "周强", "Secretary of the Hunan Provincial CPC Committee", "湖南省委书记");
        var xu = NewGuest(GuestKind.Official, "Xu Shousheng", "徐守盛", "Governor of Hunan Province", "湖南省省长");
        db.Guests.AddRange([.. interpreters, zhou, xu]);

        var sessions = db.Sessions.Local.Where(s => s.ForumId == forumId).ToList();
        Session Titled(string start) => sessions.Single(s => s.TitleEn.StartsWith(start, StringComparison.Ordinal));
        void Part(Session session, SessionRole role, Guest guest, InterpretationMode interpretation = InterpretationMode.None, string? pair = null)
        {
            session.People.Add(new SessionPerson { Role = role, Guest = guest, Position = session.People.Count(p => p.Role == role) + 1 });
            if (interpretation != InterpretationMode.None)
            {
                session.Interpretation = interpretation;
                session.InterpretationLanguages = pair;
            }
        }

        Part(Titled("Opening ceremony"), SessionRole.Interpreter, interpreters[0], InterpretationMode.Simultaneous, "zh-en");
        Part(Titled("Opening ceremony"), SessionRole.Interpreter, interpreters[1]);
        Part(Titled("Theme forum"), SessionRole.Interpreter, interpreters[0], InterpretationMode.Simultaneous, "zh-en");
        Part(Titled("Theme forum"), SessionRole.Interpreter, interpreters[1]);
        Part(Titled("Special-topic forum: Economy"), SessionRole.Interpreter, interpreters[0], InterpretationMode.Simultaneous, "zh-en");
        Part(Titled("Special-topic forum: Culture"), SessionRole.Interpreter, interpreters[2], InterpretationMode.Consecutive, "zh-fr");
        Part(Titled("Special-topic forum: Science"), SessionRole.Interpreter, interpreters[1], InterpretationMode.Simultaneous, "zh-en");
        Part(Titled("Meeting of provincial leaders"), SessionRole.Participant, zhou);
        Part(Titled("Meeting of provincial leaders"), SessionRole.Interpreter, interpreters[0], InterpretationMode.Consecutive, "zh-en");
        Part(Titled("Provincial leaders meet heads"), SessionRole.Participant, xu);
        Part(Titled("Provincial leaders meet heads"), SessionRole.Interpreter, interpreters[1], InterpretationMode.Consecutive, "zh-en");
    }

    /// <summary>Two of the organizers' own questions, optional, so a fresh install shows how they work.</summary>
    private void AddQuestions(int forumId, DemoTracks tracks)
    {
        db.Questions.Add(new Question
        {
            ForumId = forumId,
            Kind = QuestionKind.SingleChoice,
            TextEn = "Which special-topic forum will you attend?",
            TextZh = "您将参加哪个专题论坛？",
            Position = 1,
            Choices = tracks.Topics.Select((t, i) => new QuestionChoice { TextEn = t.NameEn, TextZh = t.NameZh, Position = i + 1 }).ToList(),
        });
        db.Questions.Add(new Question
        {
            ForumId = forumId,
            Kind = QuestionKind.YesNo,
            TextEn = "Will you plant a friendship tree with us on the evening of 23 June?",
            TextZh = "您是否参加6月23日傍晚的友谊树植树活动？",
            Position = 2,
        });
    }

    private sealed record DemoTracks(Track Plenary, Track[] Topics);

    private DemoTracks AddTracks(int forumId)
    {
        Track NewTrack(string en, string zh, string color) => new() { ForumId = forumId, NameEn = en, NameZh = zh, Color = color };
        var plenary = NewTrack("Plenary", "全体会议", "#7a1f1f");
        var topics = new[]
        {
            NewTrack("Economy and Trade", "经济与贸易", "#1f6f8b"),
            NewTrack("Science and Technology", "科学与技术", "#2e7d32"),
            NewTrack("Culture", "文化", "#8e4585"),
            NewTrack("Education", "教育", "#b25d00"),
        };
        db.Tracks.AddRange([plenary, .. topics]);
        return new DemoTracks(plenary, topics);
    }

    private void AddProgramme(int forumId, DemoRooms rooms, DemoTracks tracks)
    {
        void Add(SessionType type, string en, string zh, DateOnly day, int startHour, int startMinute, int minutes, Room room,
            Track? track = null, string? abstractEn = null, string? abstractZh = null, int? capacity = null, bool isPublic = true)
        {
            var start = ForumTime.ToUtc(day, new TimeOnly(startHour, startMinute), Shanghai);
            db.Sessions.Add(new Session
            {
                ForumId = forumId,
                Type = type,
                TitleEn = en,
                TitleZh = zh,
                AbstractEn = abstractEn,
                AbstractZh = abstractZh,
                RoomId = room.Id,
                TrackId = track?.Id,
                StartUtc = start,
                EndUtc = start.AddMinutes(minutes),
                Capacity = capacity,
                IsPublic = isPublic,
            });
        }

        Add(SessionType.BilateralMeeting, "Meeting of provincial leaders with the CPAFFC delegation", "省领导会见全国对外友协代表团",
            Day1, 12, 0, 60, rooms.VipRoom, isPublic: false);
        Add(SessionType.BilateralMeeting, "Provincial leaders meet heads of delegation", "省领导集体会见外方代表团团长",
            Day1, 17, 0, 60, rooms.VipRoom, isPublic: false);
        Add(SessionType.Banquet, "Welcome banquet", "欢迎宴会", Day1, 18, 30, 120, rooms.Banquet, capacity: 400);

        Add(SessionType.OpeningCeremony, "Opening ceremony", "开幕式", Day2, 9, 0, 45, rooms.Ballroom, tracks.Plenary);
        Add(SessionType.ThemeForum, "Theme forum: Intercity Cooperation and Common Development", "主题论坛：城市合作与共同发展",
            Day2, 9, 45, 135, rooms.Ballroom, tracks.Plenary,
            "Mayors and provincial leaders on forty years of friendship-city ties and what cities can do together next.",
            "市长和省领导共话友好城市交往历程与城市合作前景。");
        Add(SessionType.Break, "Lunch", "午餐", Day2, 12, 0, 90, rooms.Banquet);

        string[] topicAbstractsEn =
        [
            "Investment, trade fairs and industrial parks: how sister cities open markets to each other.",
            "Joint research, technology transfer and innovation zones between partner cities.",
            "Festivals, heritage and tourism exchanges that bring people of partner cities together.",
            "Sister schools, student exchanges and university partnerships.",
        ];
        string[] topicAbstractsZh =
        [
            "投资、展会与产业园区：友好城市如何相互开放市场。",
            "友好城市之间的联合研究、技术转移与创新园区。",
            "节庆、文化遗产与旅游交流，增进友城人民往来。",
            "友好学校、学生交流与高校合作。",
        ];
        for (var i = 0; i < tracks.Topics.Length; i++)
        {
            var track = tracks.Topics[i];
            Add(SessionType.SpecialTopicForum, $"Special-topic forum: {track.NameEn}", $"专题论坛：{track.NameZh}",
                Day2, 14, 0, 210, rooms.Halls[i], track, topicAbstractsEn[i], topicAbstractsZh[i], rooms.Halls[i].Capacity);
        }

        Add(SessionType.Exhibition, "Hunan International Friendship Cities Achievements Exhibition", "湖南国际友好城市成果展",
            Day2, 9, 0, 510, rooms.Exhibition, abstractEn:
            "Exhibition boards on twenty-eight years of Hunan's friendship cities, from the first in 1982 to the fifty-fourth.",
            abstractZh: "展板回顾湖南国际友好城市二十八年的发展历程，从1982年的第一对到如今的第五十四对。");
        Add(SessionType.TreePlanting, "Friendship-tree planting", "友谊树种植活动", Day2, 18, 0, 60, rooms.Garden,
            abstractEn: "Domestic and overseas guests plant friendship trees together after the special-topic forums.",
            abstractZh: "中外嘉宾在专题论坛结束后共同种植友谊树。");

        Add(SessionType.BilateralMeeting, "Bilateral meetings with provincial and city leaders", "与省市领导的双边会见",
            Day3, 9, 0, 120, rooms.VipRoom, isPublic: false);
        Add(SessionType.PressConference, "Signing of the Hunan Airport and Frankfurt Airport cooperation agreement", "湖南机场与法兰克福机场合作协议签字仪式",
            Day3, 10, 0, 45, rooms.Halls[0], tracks.Topics[0]);
        Add(SessionType.Visit, "Visit to Changsha's high-tech zone", "参观长沙高新区", Day3, 14, 0, 180, rooms.Ballroom,
            abstractEn: "Coaches leave from the Huatian Hotel.", abstractZh: "大巴从华天大酒店出发。");
        Add(SessionType.ClosingCeremony, "Closing ceremony", "闭幕式", Day3, 17, 30, 45, rooms.Ballroom, tracks.Plenary);
    }

    private static Delegation NewDelegation(int forumId, (CitySeed Seed, PartnerCity City) city, int quota) => new()
    {
        ForumId = forumId,
        PartnerCity = city.City,
        NameEn = $"Delegation of {city.Seed.NameEn}",
        NameZh = $"{city.Seed.NameZh}代表团",
        CountryCode = city.Seed.CountryCode,
        Quota = quota,
    };

    private static readonly string[] Positions =
    [
        "Mayor", "Vice Mayor", "Director of Foreign Affairs", "Councillor", "Secretary General",
        "Director of Economic Development", "President of the Chamber of Commerce", "Professor", "Adviser", "Journalist",
    ];

    private static IEnumerable<Delegate> NewDelegates(int forumId, int count, List<(CitySeed Seed, PartnerCity City)> cities, List<Delegation> delegations)
    {
        // A fixed seed: System.Random with a seed gives the same sequence on every run of the same runtime.
        var random = new Random(20100622);
        var registrationStart = new DateTime(2010, 4, 15, 0, 0, 0, DateTimeKind.Utc);
        var membersSoFar = new int[cities.Count];
        for (var i = 0; i < count; i++)
        {
            var cityIndex = i % cities.Count;
            var (seed, _) = cities[cityIndex];
            var delegation = delegations[cityIndex];
            var pool = DemoData.Names[seed.Language];
            var family = pool.FamilyNames[random.Next(pool.FamilyNames.Count)];
            var given = pool.GivenNames[random.Next(pool.GivenNames.Count)];
            var memberIndex = membersSoFar[cityIndex]++;

            var category = memberIndex switch
            {
                0 => DelegateCategory.HeadOfDelegation,
                _ when i % 37 == 5 => DelegateCategory.Vip,
                _ when i % 11 == 3 => DelegateCategory.Speaker,
                _ when i % 29 == 7 => DelegateCategory.Press,
                _ => DelegateCategory.Delegate,
            };
            var position = category switch
            {
                DelegateCategory.HeadOfDelegation => memberIndex % 2 == 0 ? Positions[0] : Positions[1],
                DelegateCategory.Press => "Journalist",
                _ => Positions[1 + random.Next(Positions.Length - 2)],
            };
            var status = (i % 20) switch
            {
                17 => RegistrationStatus.Submitted,
                18 => RegistrationStatus.Waitlisted,
                19 when i % 40 == 39 => RegistrationStatus.Rejected,
                _ => RegistrationStatus.Approved,
            };
            var nativeName = pool.NativeFamilyFirst
                ? family.Native + pool.NativeSeparator + given.Native
                : given.Native + pool.NativeSeparator + family.Native;
            var latinName = PersonName.Clean(family.Latin);
            var created = registrationStart.AddMinutes(i * 397 % (50 * 24 * 60));

            yield return new Delegate
            {
                ForumId = forumId,
                DelegationId = delegation.Id,
                FamilyName = latinName,
                GivenName = PersonName.Clean(given.Latin),
                NativeName = PersonName.Clean(nativeName),
                NativeNameLanguage = seed.Language,
                Honorific = given.IsFemale ? "Ms" : "Mr",
                Gender = given.IsFemale ? Gender.Female : Gender.Male,
                DietaryNeeds = (i % 13) switch { 2 => "Vegetarian", 5 => "Halal", 9 => "No pork", _ => null },
                AccessibilityNeeds = i % 31 == 6 ? "Wheelchair access" : null,
                // Only a language the forum interprets into, as the registration form offers them.
                InterpretationLanguage = seed.Language is "en" or "zh" || i % 3 != 0 || !DelegateChoices.InterpretationLanguages.Contains(seed.Language)
                    ? null : seed.Language,
                Position = position,
                Organization = category == DelegateCategory.Press ? $"{seed.NameEn} Daily" : $"City of {seed.NameEn}",
                CountryCode = seed.CountryCode,
                Email = $"{Ascii(given.Latin)}.{Ascii(family.Latin)}.{i + 1}@delegates.example.org",
                Phone = $"+{10 + cityIndex} {100 + i % 900} {1000 + i:D4}",
                Category = category,
                Status = status,
                PrecedenceRank = Precedence.DefaultRank(category, position),
                PreferredLanguage = seed.Language == "zh" ? "zh-Hans" : "en",
                CreatedUtc = created,
                UpdatedUtc = created,
            };
        }
    }

    private static string Ascii(string latin) =>
        new(latin.ToLowerInvariant().Where(c => c is >= 'a' and <= 'z').ToArray());
}
