using System.Diagnostics;
using System.Globalization;
using ForumManager.Core.Protocol;
using ForumManager.Core.Tests.Protocol;

// Scheduling N bilateral meeting requests together (default 300; goal: tens of milliseconds), then twice and four
// times as many with rooms, interpreters and people growing alike, in the same run: work that grows with the requests
// doubles each time, work that compares every request with every other quadruples.
var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 300;
const int rounds = 11;

var sizes = new[] { count, count * 2, count * 4 };
var inputs = sizes.Select(n => SyntheticMeetings.Build(n, seed: 17).Input).ToList();
// Warm every size up until the JIT has settled (tiered compilation recompiles the hot loops after some calls).
for (var warm = 0; warm < 5; warm++)
{
    inputs.ForEach(input => MeetingPlanner.Plan(input));
}

var times = new List<double>();
for (var i = 0; i < sizes.Length; i++)
{
    var input = inputs[i];
    var plan = MeetingPlanner.Plan(input);
    times.Add(Median(() => MeetingPlanner.Plan(input).Slots.Count));
    Console.WriteLine($"{sizes[i]} requests: {times[i]:F1} ms (median of {rounds}); placed {plan.Slots.Count}, not placed {plan.Problems.Count}"
        + (i == 0 ? string.Empty : $"; growth {times[i] / times[i - 1]:F1}x for twice the work (linear 2x, quadratic 4x)"));
}

return times[0] < 100 ? 0 : 1;

double Median(Func<int> work)
{
    var measured = new List<double>();
    for (var i = 0; i < rounds; i++)
    {
        var watch = Stopwatch.StartNew();
        GC.KeepAlive(work());
        measured.Add(watch.Elapsed.TotalMilliseconds);
    }

    measured.Sort();
    return measured[rounds / 2];
}
