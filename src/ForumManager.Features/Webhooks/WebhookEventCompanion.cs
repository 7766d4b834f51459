using ForumManager.Core.CheckIns;
using ForumManager.Core.Delegates;
using ForumManager.Core.Integrations;
using ForumManager.Core.Logistics;
using ForumManager.Core.Programme;
using ForumManager.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Delegate = ForumManager.Core.Delegates.Delegate;

namespace ForumManager.Features.Webhooks;

/// <summary>
/// Sees, in every save, the changes the webhooks tell of and writes their events in the same transaction: a change
/// rolled back tells nothing, and a change saved is always told. It looks only at the tracked entries: no query.
/// </summary>
public sealed class WebhookEventCompanion(TimeProvider clock, WebhookSignal signal) : ISaveCompanion
{
    /// <summary>What an outside system keeps of a delegate; a change to the search key, the stamp or the change number alone is none.</summary>
    private static readonly string[] Watched =
    [
        nameof(Delegate.FamilyName), nameof(Delegate.GivenName), nameof(Delegate.NativeName), nameof(Delegate.Honorific),
        nameof(Delegate.Position), nameof(Delegate.Organization), nameof(Delegate.CountryCode), nameof(Delegate.Email),
        nameof(Delegate.Phone), nameof(Delegate.Category), nameof(Delegate.DelegationId), nameof(Delegate.StatusReason),
        nameof(Delegate.PreferredLanguage), nameof(Delegate.PrecedenceRank), nameof(Delegate.AccompaniesId),
        nameof(Delegate.CompanionRole), nameof(Delegate.Clearance), nameof(Delegate.UserId), nameof(Delegate.Status),
    ];

    public Action<ForumDbContext>? Prepare(ForumDbContext db)
    {
        List<Func<DateTime, (int ForumId, string Type, object Data)>>? pending = null;
        List<(int ForumId, string Type, object Data)>? early = null;
        void Add(Func<DateTime, (int, string, object)> make) => (pending ??= []).Add(make);

        foreach (var entry in db.ChangeTracker.Entries())
        {
            switch (entry.Entity)
            {
                case Delegate record when entry.State == EntityState.Added:
                    Add(_ => (record.ForumId, WebhookEvents.RegistrationCreated, WebhookEventLog.DelegateData(record)));
                    break;
                case Delegate record when entry.State == EntityState.Modified && DelegateEvent(entry) is { } type:
                    Add(_ => (record.ForumId, type, WebhookEventLog.DelegateData(record)));
                    break;
                case CheckIn checkIn when entry.State == EntityState.Added:
                    // All it says is known before the save: written with it, in the same statement batch, with no
                    // transaction or second save added to the desk's busiest path.
                    (early ??= []).Add((checkIn.ForumId, WebhookEvents.CheckInMade, new
                    {
                        delegateId = checkIn.DelegateId, checkpoint = checkIn.Checkpoint, checkedInAt = WebhookEventLog.Instant(checkIn.CheckedInUtc),
                    }));
                    break;
                case ProgrammeRelease release when entry.State == EntityState.Added:
                    Add(_ => (release.ForumId, WebhookEvents.ProgrammeReleased, new
                    {
                        releaseId = release.Id, version = release.Version, publishedAt = WebhookEventLog.Instant(release.PublishedUtc),
                    }));
                    break;
                case RoomOccupant occupant when entry.State == EntityState.Added:
                    Add(_ => (occupant.ForumId, WebhookEvents.RoomAllocated, RoomData(occupant.DelegateId, occupant.HotelRoomId)));
                    break;
                case RoomOccupant occupant when entry.State == EntityState.Modified:
                    Add(_ => (occupant.ForumId, WebhookEvents.RoomChanged, RoomData(occupant.DelegateId, occupant.HotelRoomId)));
                    break;
                case RoomOccupant occupant when entry.State == EntityState.Deleted:
                    var (forumId, delegateId) = (occupant.ForumId, occupant.DelegateId);
                    Add(_ => (forumId, WebhookEvents.RoomChanged, RoomData(delegateId, null)));
                    break;
            }
        }

        if (early is not null)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            early.ForEach(e => WebhookEventLog.Add(db, e.ForumId, e.Type, e.Data, now));

            // Before the commit: the dispatcher looks again shortly after a wake that found nothing.
            signal.Wake();
        }

        if (pending is null)
        {
            return null;
        }

        return context =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            foreach (var make in pending)
            {
                var (forumId, type, data) = make(now);
                WebhookEventLog.Add(context, forumId, type, data, now);
            }

            // Possibly before the commit: the dispatcher looks again shortly after a wake that found nothing.
            signal.Wake();
        };
    }

    public static object RoomData(int delegateId, int? hotelRoomId) => new { delegateId, hotelRoomId };

    /// <summary>The event a change to a delegate makes: its new status, another change an outside system keeps, or none.</summary>
    private static string? DelegateEvent(EntityEntry entry)
    {
        var status = entry.Property(nameof(Delegate.Status));
        if (status.IsModified && !Equals(status.OriginalValue, status.CurrentValue))
        {
            return (RegistrationStatus)status.CurrentValue! switch
            {
                RegistrationStatus.Approved => WebhookEvents.RegistrationApproved,
                RegistrationStatus.Waitlisted => WebhookEvents.RegistrationWaitlisted,
                RegistrationStatus.Rejected => WebhookEvents.RegistrationRejected,
                RegistrationStatus.Cancelled => WebhookEvents.RegistrationCancelled,
                _ => WebhookEvents.DelegateChanged,
            };
        }

        var watched = Watched.Select(entry.Property).Where(p => p.IsModified).ToList();
        if (watched.Any(p => !Equals(p.OriginalValue, p.CurrentValue)))
        {
            return WebhookEvents.DelegateChanged;
        }

        // A record attached whole (Update) has every property marked with no original to compare: told as changed.
        return watched.Count == Watched.Length ? WebhookEvents.DelegateChanged : null;
    }
}
