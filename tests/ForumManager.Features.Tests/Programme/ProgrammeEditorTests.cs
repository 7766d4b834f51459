using ForumManager.Core.Auditing;
using ForumManager.Core.Forums;
using ForumManager.Core.Programme;
using ForumManager.Data;
using ForumManager.Features.Programme;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ForumManager.Features.Tests.Programme;

public sealed class ProgrammeEditorTests : IAsyncLifetime
{
    private readonly FeatureHarness _harness = new();

    public Task InitializeAsync() => _harness.InitializeAsync();

    public Task DisposeAsync() => _harness.DisposeAsync();

    [Fact]
    public async Task Should_refuse_a_session_that_books_a_room_already_taken_and_save_nothing()
    {
        var forum = await _harness.ForumAsync();
        var taken = await _harness.QueryAsync(db => db.Sessions.AsNoTracking().Where(s => s.ForumId == forum.Id && s.RoomId != null).OrderBy(s => s.Id).FirstAsync());
        var before = await _harness.QueryAsync(db => db.Sessions.CountAsync());
        var starts = ForumTime.ToLocal(taken.StartUtc, forum.TimeZone);

        var save = await _harness.RunAsync(async s =>
        {
            var editor = s.GetRequiredService<ProgrammeEditor>();
            var choices = await editor.ChoicesAsync(forum, CancellationToken.None);
            var input = new SessionInput
            {
                TitleEn = "Youth exchange roundtable", TitleZh = "青年交流圆桌会", RoomId = taken.RoomId,
                Day = DateOnly.FromDateTime(starts), Start = TimeOnly.FromDateTime(starts), Minutes = 60,
            };
            var errors = new FieldErrors();
            editor.Check(forum, input, choices, errors);
            Assert.True(errors.IsEmpty, string.Join("; ", errors.All));
            return await editor.SaveAsync(forum, null, input, choices, Actor.System, errors, CancellationToken.None);
        });

        Assert.Null(save.SavedId);
        Assert.Contains(save.Conflicts, c => c.Severity == ConflictSeverity.Error);
        Assert.Equal(before, await _harness.QueryAsync(db => db.Sessions.CountAsync()));
    }

    [Fact]
    public async Task Should_tell_each_enrolled_delegate_when_their_session_is_deleted_and_audit_the_deletion()
    {
        var forum = await _harness.ForumAsync();
        var (sessionId, email) = await _harness.QueryAsync(async db =>
        {
            var session = await db.Sessions.Where(s => s.ForumId == forum.Id && s.IsPublic).OrderBy(s => s.Id).FirstAsync();
            var person = await db.Delegates.Where(d => d.ForumId == forum.Id).OrderBy(d => d.Id).FirstAsync();
            db.Enrolments.Add(new Enrolment { SessionId = session.Id, DelegateId = person.Id, Status = EnrolmentStatus.Enrolled, CreatedUtc = DateTime.UtcNow });
            await db.SaveChangesAsync();
            return (session.Id, person.Email);
        });

        var deleted = await _harness.RunAsync(s => s.GetRequiredService<ProgrammeEditor>().DeleteAsync(forum, sessionId, new Actor("o1", "organizer@example.org"), CancellationToken.None));

        Assert.True(deleted);
        var (left, purposes, audit) = await _harness.QueryAsync(async db => (
            await db.Sessions.CountAsync(s => s.Id == sessionId),
            await db.OutboxMessages.Where(m => m.ToAddress == email).Select(m => m.Purpose).ToListAsync(),
            await db.AuditEntries.CountAsync(a => a.EntityType == nameof(Session) && a.Action == "deleted" && a.UserName == "organizer@example.org")));
        Assert.Equal(0, left);
        Assert.Contains("programme.change", purposes);
        Assert.Equal(1, audit);
    }
}
