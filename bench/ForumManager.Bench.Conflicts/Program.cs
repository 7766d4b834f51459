using System.Diagnostics;
using System.Globalization;
using ForumManager.Core.Programme;
using ForumManager.Core.Tests.Programme;

// Conflict detection for a large programme, then for one four times as large in the same run: near-linear work grows
// about four times, work that compares every pair grows about sixteen times. A plain pairwise check of the same
// programmes is timed alongside for comparison.
var sessions = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
var people = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5000;
const int rounds = 15;
var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
var travel = new TravelTimes();

var (programme, rooms) = SyntheticProgramme.Build(sessions, people, 60, seed: 7);
var (larger, largerRooms) = SyntheticProgramme.Build(sessions * 4, people * 4, 240, seed: 7);
ConflictDetector.Find(programme, rooms, travel, zone);
Pairwise(programme);

var detection = Median(() => ConflictDetector.Find(programme, rooms, travel, zone).Count);
var detectionLarger = Median(() => ConflictDetector.Find(larger, largerRooms, travel, zone).Count);
var pairwise = Median(() => Pairwise(programme));
var pairwiseLarger = Median(() => Pairwise(larger));
Console.WriteLine($"sessions: {sessions}, people: {people}, assignments: {programme.Sum(s => s.People.Count)}");
Console.WriteLine($"conflict detection (all five kinds): {detection:F1} ms (median of {rounds}; goal under 200 ms)");
Console.WriteLine($"four times the programme: {detectionLarger:F1} ms, growth {detectionLarger / detection:F1}x (linear 4x, quadratic 16x)");
Console.WriteLine($"pairwise room and person check alone: {pairwise:F1} ms, four times the programme {pairwiseLarger:F1} ms, growth {pairwiseLarger / pairwise:F1}x");
return detection < 200 ? 0 : 1;

double Median(Func<int> work)
{
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

// Every pair of sessions compared: same room or a shared person, and overlapping in time.
static int Pairwise(List<PlannedSession> all)
{
    var found = 0;
    for (var i = 0; i < all.Count; i++)
    {
        var a = all[i];
        var mine = a.People.ToHashSet();
        for (var j = i + 1; j < all.Count; j++)
        {
            var b = all[j];
            if (a.StartUtc < b.EndUtc && b.StartUtc < a.EndUtc && (a.RoomId == b.RoomId || b.People.Any(mine.Contains)))
            {
                found++;
            }
        }
    }

    return found;
}
