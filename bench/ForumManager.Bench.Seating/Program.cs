using System.Diagnostics;
using System.Globalization;
using ForumManager.Core.Programme;
using ForumManager.Core.Protocol;

// Seating by precedence for a large banquet (2,000 people at 200 round tables of 10 by default), then for one twice as
// large (the most a layout holds: 400 tables, 5,000 seats) in the same run: work that grows with people times tables
// grows about four times, linear work twice. The conflicts check of the plan is timed alongside.
var people = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 2000;
var tables = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200;
const int rounds = 15;

// Both sizes once through first, so neither is timed while the JIT is still compiling what the other needs.
Measure(people, tables);
Measure(people * 2, tables * 2);
var (plan, check) = Measure(people, tables);
var (planDouble, _) = Measure(people * 2, tables * 2);
Console.WriteLine($"people: {people}, tables: {tables} of 10");
Console.WriteLine($"seating by precedence: {plan:F2} ms (median of {rounds}; goal a few milliseconds)");
Console.WriteLine($"twice the banquet: {planDouble:F2} ms, growth {planDouble / plan:F1}x (linear 2x, people times tables 4x)");
Console.WriteLine($"conflicts check of the plan: {check:F2} ms");
return plan < 20 ? 0 : 1;

static (double Plan, double Check) Measure(int count, int tables)
{
    var map = SeatLayouts.Map(new SeatLayout { NameEn = "Banquet", NameZh = "宴会", Shape = LayoutShape.RoundTables, Tables = tables, SeatsPerTable = 10 });
    var random = new Random(7);

    // Delegations of 1 to 12 with a companion now and then, ranks shuffled, a host and a few press and interpreters.
    var attendees = new List<SeatingAttendee>();
    var id = 1;
    var delegation = 1;
    while (attendees.Count < count)
    {
        var size = random.Next(1, 13);
        var head = new PersonKey(PersonKind.Delegate, id);
        for (var member = 0; member < size && attendees.Count < count; member++, id++)
        {
            var companion = member > 0 && random.Next(6) == 0;
            attendees.Add(new SeatingAttendee(new PersonKey(PersonKind.Delegate, id), random.Next(1000, 9000), companion ? null : delegation,
                Press: random.Next(50) == 0, Interpreter: random.Next(200) == 0, Accompanies: companion ? head : null));
        }

        delegation++;
    }

    var request = new SeatingRequest(map, [new ReservedSpot(2, 5, SeatPurpose.Other)], attendees[0].Person, Consecutive: true, attendees);
    var seated = SeatingPlanner.Plan(request);
    var people = new SeatingPeople(attendees.ToDictionary(a => a.Person, a => a.Rank), attendees.Where(a => a.Press).Select(a => a.Person).ToHashSet(),
        attendees.Where(a => a.Interpreter).Select(a => a.Person).ToHashSet(), attendees[0].Person);
    var start = new DateTime(2010, 6, 22, 10, 30, 0, DateTimeKind.Utc);
    return (Median(() => SeatingPlanner.Plan(request).Seats.Count),
        Median(() => SeatingCheck.Check(map, request.Reserved, seated.Seats, people, start, start.AddHours(2), []).Count));
}

static double Median(Func<int> work)
{
    // Past the JIT's first tier (30 calls), so the rounds time the code a running server would run.
    for (var i = 0; i < 40; i++)
    {
        GC.KeepAlive(work());
    }

    Thread.Sleep(200);
    var times = new List<double>();
    for (var i = 0; i < rounds; i++)
    {
        var watch = Stopwatch.StartNew();
        GC.KeepAlive(work());
        times.Add(watch.Elapsed.TotalMilliseconds);
    }

    times.Sort();
    return times[rounds / 2];
}
