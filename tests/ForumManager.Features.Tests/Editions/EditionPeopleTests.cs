using ForumManager.Core.Auditing;
using ForumManager.Core.Delegates;
using ForumManager.Core.Forums;
using ForumManager.Core.Mail;
using ForumManager.Data;
using ForumManager.Features.Editions;
using ForumManager.Features.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Delegate = ForumManager.Core.Delegates.Delegate;

namespace ForumManager.Features.Tests.Editions;

/// <summary>What moves between editions of people: last edition's heads invited once, and each edition's own purge.</summary>
public sealed class EditionPeopleTests : IAsyncLifetime
{
    private static readonly Actor Organizer = new("o1", "organizer@example.org");

    private readonly FeatureHarness _harness = new();

    public Task InitializeAsync() => _harness.InitializeAsync();

    public Task DisposeAsync() => _harness.DisposeAsync();

    [Fact]
    public async Task Should_invite_every_head_of_last_edition_once_however_often_the_organizers_ask()
    {
        var forum = await _harness.ForumAsync();
        var next = await CloneAsync(forum);
        var heads = await _harness.QueryAsync(db => db.Delegates.Where(d => d.ForumId == forum.Id && d.Category == DelegateCategory.HeadOfDelegation
            && d.DelegationId != null && d.Status != RegistrationStatus.Cancelled && d.Status != RegistrationStatus.Rejected).Select(d => d.Email).Distinct().ToListAsync());
        Assert.NotEmpty(heads);
        var mailBefore = await _harness.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.Purpose == "registration.invitation"));

        var first = await InviteAsync(next);
        var second = await InviteAsync(next);

        Assert.Equal(forum.Id, first.From?.Id);
        Assert.Equal(heads.Order(), first.Invited.Order());
        Assert.Empty(second.Invited);
        Assert.Equal(heads.Count, second.Count(HeadSkipped.AlreadyCarriedOver));
        var invitations = await _harness.QueryAsync(db => db.Invitations.AsNoTracking().Include(i => i.Delegation).Where(i => i.ForumId == next.Id).ToListAsync());
        Assert.Equal(heads.Count, invitations.Count);
        Assert.All(invitations, i => Assert.Equal((forum.Id, next.Id), (i.CarriedFromForumId, i.Delegation!.ForumId)));
        Assert.Equal(heads.Count, await _harness.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.Purpose == "registration.invitation")) - mailBefore);

        // Each head is invited to head the delegation the clone kept, not a new one.
        var delegations = await _harness.QueryAsync(db => db.Delegations.CountAsync(d => d.ForumId == next.Id));
        Assert.Equal(await _harness.QueryAsync(db => db.Delegations.CountAsync(d => d.ForumId == forum.Id)), delegations);

        // The database holds it, whatever the code reads first: a second carried-over invitation for the same address is refused.
        await Assert.ThrowsAsync<DbUpdateException>(() => _harness.QueryAsync(async db =>
        {
            var one = invitations[0];
            db.Invitations.Add(new Invitation
            {
                ForumId = next.Id, DelegationId = one.DelegationId, Email = one.Email, TokenHash = new string('a', 64), CreatedUtc = DateTime.UtcNow,
                CreatedBy = "race", AcceptedUtc = DateTime.UtcNow, CarriedFromForumId = forum.Id,
            });
            return await db.SaveChangesAsync();
        }));
    }

    [Fact]
    public async Task Should_send_each_head_one_invitation_when_three_organizers_invite_at_the_same_moment()
    {
        var forum = await _harness.ForumAsync();
        var next = await CloneAsync(forum);
        var mailBefore = await _harness.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.Purpose == "registration.invitation"));

        var runs = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(async () =>
        {
            try
            {
                return (await InviteAsync(next)).Invited.Count;
            }
            catch (DbUpdateException)
            {
                return 0;
            }
        })));

        var invitations = await _harness.QueryAsync(db => db.Invitations.CountAsync(i => i.ForumId == next.Id));
        Assert.Equal(invitations, runs.Sum());
        Assert.Equal(invitations, await _harness.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.Purpose == "registration.invitation")) - mailBefore);
    }

    [Fact]
    public async Task Should_purge_each_edition_after_its_own_retention_leaving_the_other_untouched()
    {
        var y2010 = await _harness.ForumAsync();
        var y2011 = await CloneAsync(y2010);
        var shared = await _harness.QueryAsync(db => db.Delegates.Where(d => d.ForumId == y2010.Id).OrderBy(d => d.Id).Select(d => d.Email).FirstAsync());

        // 1 January 2012: 2011 kept for 0 days is due, 2010 kept for 10 years is not.
        await RetainAsync(y2010.Id, 3650);
        await RetainAsync(y2011.Id, 0);
        _harness.Clock.Now = new DateTimeOffset(2012, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var id2011 = await AddDelegateAsync(y2011.Id, shared);
        var before2010 = await SnapshotAsync(y2010.Id);
        Assert.False(await DueAsync(y2010.Id));
        await Assert.ThrowsAsync<InvalidOperationException>(() => PurgeAsync(y2010.Id));

        Assert.Equal(1, await PurgeAsync(y2011.Id));
        Assert.Equal(before2010, await SnapshotAsync(y2010.Id));
        Assert.EndsWith(PersonalDataPurge.PurgedDomain, await _harness.QueryAsync(db => db.Delegates.Where(d => d.Id == id2011).Select(d => d.Email).SingleAsync()));

        // And the other way: 2010 due, 2011 (with someone registered again, under an address 2010 holds too) not.
        await RetainAsync(y2010.Id, 0);
        await RetainAsync(y2011.Id, 3650);
        var again = await AddDelegateAsync(y2011.Id, shared);
        await _harness.QueryAsync(async db =>
        {
            db.OutboxMessages.Add(new OutboxMessage
            {
                ToAddress = shared, Subject = "2011", Purpose = "test", MessageId = "<edition-2011@test>", MimeContent = [1], CreatedUtc = DateTime.UtcNow,
                NextAttemptUtc = DateTime.UtcNow,
            });
            return await db.SaveChangesAsync();
        });
        var before2011 = await SnapshotAsync(y2011.Id);
        Assert.False(await DueAsync(y2011.Id));

        Assert.True(await PurgeAsync(y2010.Id) > 20);
        Assert.Equal(before2011, await SnapshotAsync(y2011.Id));
        Assert.Equal(shared, await _harness.QueryAsync(db => db.Delegates.Where(d => d.Id == again).Select(d => d.Email).SingleAsync()));
        Assert.Equal(1, await _harness.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.MessageId == "<edition-2011@test>")));
        Assert.Equal(0, await _harness.QueryAsync(db => db.Delegates.CountAsync(d => d.ForumId == y2010.Id && !d.Email.EndsWith(PersonalDataPurge.PurgedDomain))));
    }

    [Fact]
    public async Task Should_keep_the_invitations_queued_to_last_editions_heads_when_last_edition_is_purged()
    {
        var y2010 = await _harness.ForumAsync();
        var y2011 = await CloneAsync(y2010);
        var report = await InviteAsync(y2011);
        Assert.NotEmpty(report.Invited);
        var queued = await _harness.QueryAsync(db => db.OutboxMessages.CountAsync(m => report.Invited.Contains(m.ToAddress) && m.Purpose == "registration.invitation"));
        Assert.Equal(report.Invited.Count, queued);

        await RetainAsync(y2010.Id, 0);
        _harness.Clock.Now = new DateTimeOffset(2011, 1, 1, 0, 0, 0, TimeSpan.Zero);
        await PurgeAsync(y2010.Id);

        Assert.Equal(queued, await _harness.QueryAsync(db => db.OutboxMessages.CountAsync(m => report.Invited.Contains(m.ToAddress) && m.Purpose == "registration.invitation")));
    }

    private async Task<Forum> CloneAsync(Forum from)
    {
        var result = await _harness.RunAsync(s => s.GetRequiredService<EditionCloner>().CloneAsync(from.Id,
            new CloneInput { Acronym = "HISCF2011", NameEn = "Forum 2011", NameZh = "2011论坛", StartDate = new DateOnly(2011, 6, 22) }, Organizer, new FieldErrors(), CancellationToken.None));
        return await _harness.QueryAsync(db => db.Forums.AsNoTracking().SingleAsync(f => f.Id == result!.ForumId));
    }

    private Task<HeadsInvitationReport> InviteAsync(Forum forum) =>
        _harness.RunAsync(s => s.GetRequiredService<LastEditionHeads>().InviteAsync(forum, Organizer, CancellationToken.None));

    private Task<int> RetainAsync(int forumId, int days) =>
        _harness.QueryAsync(db => db.Forums.Where(f => f.Id == forumId).ExecuteUpdateAsync(s => s.SetProperty(f => f.RetentionDays, days)));

    private Task<bool> DueAsync(int forumId) => _harness.RunAsync(async s =>
        s.GetRequiredService<PersonalDataPurge>().IsDue(await s.GetRequiredService<ForumDbContext>().Forums.AsNoTracking().SingleAsync(f => f.Id == forumId)));

    private Task<int> PurgeAsync(int forumId) => _harness.RunAsync(async s =>
        await s.GetRequiredService<PersonalDataPurge>().PurgeAsync(await s.GetRequiredService<ForumDbContext>().Forums.AsNoTracking().SingleAsync(f => f.Id == forumId),
            Organizer, CancellationToken.None));

    private Task<int> AddDelegateAsync(int forumId, string email) => _harness.QueryAsync(async db =>
    {
        var person = new Delegate
        {
            ForumId = forumId, FamilyName = "Again", GivenName = "Someone", CountryCode = "FR", Email = email, Status = RegistrationStatus.Approved,
            CreatedUtc = DateTime.UtcNow, UpdatedUtc = DateTime.UtcNow,
        };
        db.Delegates.Add(person);
        await db.SaveChangesAsync();
        return person.Id;
    });

    /// <summary>What a purge would change of an edition: its delegates' names and addresses, and its photos, answers, travel and history.</summary>
    private Task<string> SnapshotAsync(int forumId) => _harness.QueryAsync(async db =>
    {
        var people = await db.Delegates.AsNoTracking().Where(d => d.ForumId == forumId).OrderBy(d => d.Id)
            .Select(d => d.Id + d.FamilyName + d.GivenName + d.Email + d.PassportNumberProtected + d.UserId).ToListAsync();
        var counts = new[]
        {
            await db.DelegatePhotos.CountAsync(p => p.ForumId == forumId), await db.Journeys.CountAsync(j => j.ForumId == forumId),
            await db.AccommodationRequests.CountAsync(r => r.ForumId == forumId), await db.SeatAssignments.CountAsync(a => a.ForumId == forumId),
            await db.NoticeBatches.CountAsync(b => b.ForumId == forumId), await db.AuditEntries.CountAsync(a => a.ForumId == forumId),
            await db.DelegateAnswers.CountAsync(a => a.Question!.ForumId == forumId),
        };
        return string.Join("|", people) + "#" + string.Join(",", counts);
    });
}
