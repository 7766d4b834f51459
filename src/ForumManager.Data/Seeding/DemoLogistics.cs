using ForumManager.Core.Delegates;
using ForumManager.Core.Forums;
using ForumManager.Core.Logistics;
using Delegate = ForumManager.Core.Delegates.Delegate;

namespace ForumManager.Data.Seeding;

/// <summary>
/// The demo forum's arrival places, hotels, vehicles, and what delegates asked for: rooms, and the flights and trains
/// they come and go by. Rooms and pickups are left for the organizers to allocate, as they would be.
/// </summary>
internal static class DemoLogistics
{
    private static readonly string[] Airlines = ["CZ", "CA", "MU", "KE", "OZ", "NH", "JL", "SQ", "TG", "HO", "3U", "HU"];
    private static readonly string[] Drivers = ["刘建国", "王志强", "张伟", "李军", "陈勇", "杨洋", "赵磊", "黄涛", "周斌", "吴刚", "徐明", "孙浩", "胡平", "朱峰"];

    public static void Add(ForumDbContext db, Forum forum, IReadOnlyList<Delegate> delegates)
    {
        var zone = forum.TimeZone;
        var airport = new TransportHub { ForumId = forum.Id, Code = "CSX", NameEn = "Changsha Huanghua International Airport", NameZh = "长沙黄花国际机场", Mode = TravelMode.Flight };
        var south = new TransportHub { ForumId = forum.Id, Code = "CWA", NameEn = "Changsha South Railway Station", NameZh = "长沙南站", Mode = TravelMode.Train };
        var station = new TransportHub { ForumId = forum.Id, Code = "CSA", NameEn = "Changsha Railway Station", NameZh = "长沙火车站", Mode = TravelMode.Train };
        db.TransportHubs.AddRange(airport, south, station);

        var firstNight = forum.StartDate.AddDays(-1);
        var lastNight = forum.EndDate;
        var wanting = delegates.Count(d => d.Status is RegistrationStatus.Approved or RegistrationStatus.Submitted);
        var huatian = new Hotel
        {
            ForumId = forum.Id, NameEn = "Huatian Hotel", NameZh = "华天大酒店",
            AddressEn = "300 Jiefang East Road, Furong District, Changsha", AddressZh = "长沙市芙蓉区解放东路300号",
            MapUrl = "https://www.openstreetmap.org/search?query=Huatian%20Hotel%20Changsha", Phone = "+86 731 8444 2888",
            ReservationsEmail = "reservations@huatian.example.cn",
        };
        huatian.Blocks.AddRange([
            Block(forum.Id, RoomType.Suite, 1, "Executive suite", "行政套房", Math.Max(6, wanting / 20), 1280m, firstNight, lastNight),
            Block(forum.Id, RoomType.Single, 2, "Deluxe king room", "豪华大床房", Math.Max(20, wanting * 35 / 100), 680m, firstNight, lastNight),
            Block(forum.Id, RoomType.Twin, 3, "Superior twin room", "高级双床房", Math.Max(10, wanting * 12 / 100), 580m, firstNight, lastNight),
        ]);
        var dolton = new Hotel
        {
            ForumId = forum.Id, NameEn = "Dolton Hotel Changsha", NameZh = "长沙通程国际大酒店",
            AddressEn = "159 Shaoshan North Road, Changsha", AddressZh = "长沙市韶山北路159号",
            MapUrl = "https://www.openstreetmap.org/search?query=Dolton%20Hotel%20Changsha", Phone = "+86 731 8416 8888",
            ReservationsEmail = "groups@dolton.example.cn",
        };
        dolton.Blocks.AddRange([
            Block(forum.Id, RoomType.Single, 2, "Business king room", "商务大床房", Math.Max(15, wanting * 25 / 100), 520m, firstNight, lastNight),
            Block(forum.Id, RoomType.Twin, 3, "Standard twin room", "标准双床房", Math.Max(10, wanting * 10 / 100), 460m, firstNight, lastNight),
        ]);
        db.Hotels.AddRange(huatian, dolton);

        var vehicles = new List<Vehicle>();
        for (var i = 1; i <= 6; i++)
            vehicles.Add(NewVehicle(forum.Id, $"Coach {i}", $"湘A·8{i:D2}66", 45, vehicles.Count));
        for (var i = 1; i <= 4; i++)
            vehicles.Add(NewVehicle(forum.Id, $"Minibus {i}", $"湘A·5{i:D2}18", 18, vehicles.Count));
        for (var i = 1; i <= 4; i++)
            vehicles.Add(NewVehicle(forum.Id, $"VIP car {i}", $"湘A·0{i:D2}08", 4, vehicles.Count));
        db.Vehicles.AddRange(vehicles);

        var hubs = new[] { airport, south, station };
        for (var i = 0; i < delegates.Count; i++)
        {
            var d = delegates[i];
            if (d.Status is not (RegistrationStatus.Approved or RegistrationStatus.Submitted))
                continue;

            // Most fly in on the eve of the forum; some a day early, some on the second day (23 June).
            var arrivalDay = (i % 10) switch { < 3 => forum.StartDate.AddDays(-1), < 8 => forum.StartDate, _ => forum.StartDate.AddDays(1) };
            var arrivalTime = new TimeOnly(7 + i * 7 % 15, i * 13 % 4 * 15);
            var departureDay = i % 4 == 0 ? forum.EndDate : forum.EndDate.AddDays(1);
            var departureTime = new TimeOnly(9 + i * 5 % 12, i * 11 % 4 * 15);
            var byTrain = i % 7 == 3;
            var hub = byTrain ? hubs[1 + i % 2] : airport;
            var number = byTrain ? $"G{1001 + i % 400}" : $"{Airlines[i % Airlines.Length]}{3100 + i * 17 % 800}";
            var gender = d.Gender;
            var wantsTwin = d.Category == DelegateCategory.Delegate && i % 3 == 0 && gender is Gender.Female or Gender.Male;
            if (i % 10 != 9)
            {
                db.Journeys.Add(new Journey
                {
                    ForumId = forum.Id, DelegateId = d.Id, Direction = JourneyDirection.Arrival, Mode = byTrain ? TravelMode.Train : TravelMode.Flight,
                    Number = number, Hub = hub, ScheduledUtc = ForumTime.ToUtc(arrivalDay, arrivalTime, zone),
                    Terminal = byTrain ? null : i % 3 == 0 ? "T1" : "T2", OtherEnd = null, UpdatedUtc = d.CreatedUtc,
                });
                db.Journeys.Add(new Journey
                {
                    ForumId = forum.Id, DelegateId = d.Id, Direction = JourneyDirection.Departure, Mode = byTrain ? TravelMode.Train : TravelMode.Flight,
                    Number = byTrain ? $"G{1401 + i % 400}" : $"{Airlines[(i + 5) % Airlines.Length]}{3900 + i * 13 % 800}", Hub = hub,
                    ScheduledUtc = ForumTime.ToUtc(departureDay, departureTime, zone), Terminal = byTrain ? null : "T2", UpdatedUtc = d.CreatedUtc,
                });
            }

            if (i % 12 != 11)
            {
                db.AccommodationRequests.Add(new AccommodationRequest
                {
                    ForumId = forum.Id, DelegateId = d.Id,
                    CheckIn = arrivalDay, CheckOut = departureDay,
                    Type = d.Category == DelegateCategory.Vip ? RoomType.Suite : wantsTwin ? RoomType.Twin : RoomType.Single,
                    Sharing = wantsTwin ? Sharing.SameGender : Sharing.Alone,
                    UpdatedUtc = d.CreatedUtc,
                });
            }
        }
    }

    private static RoomBlock Block(int forumId, RoomType type, int grade, string en, string zh, int rooms, decimal rate, DateOnly first, DateOnly last) => new()
    {
        ForumId = forumId, Type = type, Grade = grade, DescriptionEn = en, DescriptionZh = zh, Rooms = rooms, Rate = rate, Currency = "CNY",
        FirstNight = first, LastNight = last,
    };

    private static Vehicle NewVehicle(int forumId, string label, string plate, int seats, int index) => new()
    {
        ForumId = forumId, Label = label, Plate = plate, Seats = seats,
        DriverName = Drivers[index % Drivers.Length], DriverPhone = $"+86 139 0731 {1000 + index * 37:D4}",
        LiaisonName = seats > 10 ? $"Liaison {index + 1} 联络员" : "Protocol Office 礼宾处", LiaisonPhone = $"+86 138 0731 {2000 + index * 41:D4}",
    };
}
