using ForumManager.Core.Auditing;
using ForumManager.Core.Delegates;
using ForumManager.Core.Forums;
using ForumManager.Core.Programme;
using ForumManager.Core.Protocol;
using ForumManager.Data;
using ForumManager.Features;
using ForumManager.Features.Protocol;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ForumManager.Testing;

/// <summary>What a meeting test starts from: a host department with an official, an interpreter, and a delegation's meeting with it.</summary>
public sealed record MeetingSample(int DepartmentId, int OfficialId, int InterpreterId, int MeetingId, int DelegationId);

/// <summary>
/// Makes a host department (with its official), an English–Chinese interpreter and a meeting of a delegation with that
/// department through the app's own use cases, accepted, and confirmed at the planner's first slot when asked.
/// </summary>
public static class MeetingSamples
{
    public static async Task<MeetingSample> AddAsync(IServiceProvider root, int delegationId, bool confirm, string name = "Department of Commerce")
    {
        await using var scope = root.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<ForumDbContext>();
        var forum = await db.Forums.AsNoTracking().OrderByDescending(f => f.StartDate).FirstAsync(f => f.Status == ForumStatus.Open || f.Status == ForumStatus.Closed);
        var department = new HostDepartment
        {
            ForumId = forum.Id, NameEn = name, NameZh = "湖南省商务厅", Email = $"{Guid.NewGuid():N}@commerce.hunan.example.org", ContactName = "Li Ming",
        };
        db.HostDepartments.Add(department);
        await db.SaveChangesAsync();
        var official = new Guest { ForumId = forum.Id, Kind = GuestKind.Official, NameEn = "ZHANG Hua", NameZh = "张华", TitleEn = "Deputy Director-General", HostDepartmentId = department.Id };
        var interpreter = new Guest { ForumId = forum.Id, Kind = GuestKind.Interpreter, NameEn = "CHEN Jing", NameZh = "陈静", LanguagePairs = "en-zh" };
        db.Guests.AddRange(official, interpreter);
        await db.SaveChangesAsync();

        var members = await db.Delegates.AsNoTracking().Where(d => d.DelegationId == delegationId && d.Status != RegistrationStatus.Cancelled && d.Status != RegistrationStatus.Rejected)
            .OrderBy(d => d.PrecedenceRank).Select(d => d.Id).Take(2).ToListAsync();
        var errors = new FieldErrors();
        var id = await services.GetRequiredService<MeetingRequests>().RequestAsync(forum, new MeetingRequestInput
        {
            DelegationId = delegationId, Partner = "h:" + department.Id, Topic = "Trade fair cooperation and youth exchanges",
            People = [.. members.Select(m => "d:" + m), "g:" + official.Id], DurationMinutes = 45, LanguagePair = "en-zh",
            Windows = [new WindowInput { Day = forum.StartDate.AddDays(1).ToString("yyyy-MM-dd"), From = "08:00", To = "20:00" }],
        }, organizer: true, Actor.System, "organizer@demo.example.org", errors, CancellationToken.None)
            ?? throw new InvalidOperationException(string.Join("; ", errors.All));
        if (confirm)
        {
            var scheduling = services.GetRequiredService<MeetingScheduling>();
            var (slots, problem) = await scheduling.OptionsAsync(forum, id, CancellationToken.None);
            if (slots.Count == 0)
            {
                throw new InvalidOperationException($"No slot for the sample meeting: {problem}");
            }

            var result = await scheduling.ConfirmAsync(forum, id, slots[0].StartUtc, slots[0].RoomId, slots[0].InterpreterGuestId, Actor.System, CancellationToken.None);
            if (result.Outcome != ConfirmOutcome.Confirmed)
            {
                throw new InvalidOperationException($"The sample meeting was not confirmed: {result.Outcome} {result.Problem}");
            }
        }

        return new MeetingSample(department.Id, official.Id, interpreter.Id, id, delegationId);
    }
}
