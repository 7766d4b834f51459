using System.Globalization;
using ForumManager.Core.Delegates;
using ForumManager.Core.Forums;
using ForumManager.Core.Notices;
using ForumManager.Data;
using ForumManager.Features.Forums;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ForumManager.Features.Notices;

/// <summary>
/// The reminder the day before: at <see cref="ForumOptions.ReminderHour"/> forum time on the eve of each forum day,
/// every approved delegate gets the reminder template with their agenda attached. Each day's reminder is one batch,
/// unique in the database, so several app instances or a restart never send it twice.
/// </summary>
public sealed partial class Reminders(IServiceScopeFactory scopes, NoticeBatchService expander, IOptions<ForumOptions> options, TimeProvider clock,
    ILogger<Reminders> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.ReminderHour < 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1), clock);
        do
        {
            try
            {
                if (await RunDueAsync(clock.GetUtcNow().UtcDateTime, stoppingToken) > 0)
                {
                    expander.Wake();
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Starts the reminders due at <paramref name="utcNow"/>; returns how many batches it made.</summary>
    public async Task<int> RunDueAsync(DateTime utcNow, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ForumDbContext>();
        var forums = await db.Forums.AsNoTracking().Where(f => f.Status == ForumStatus.Open || f.Status == ForumStatus.Closed).ToListAsync(ct);
        var made = 0;
        foreach (var forum in forums)
        {
            var local = ForumTime.ToLocal(utcNow, forum.TimeZone);
            var tomorrow = DateOnly.FromDateTime(local).AddDays(1);
            if (local.Hour < options.Value.ReminderHour || tomorrow < forum.StartDate || tomorrow > forum.EndDate
                || await db.NoticeBatches.AnyAsync(b => b.ForumId == forum.Id && b.ReminderFor == tomorrow, ct))
            {
                continue;
            }

            var ids = await db.Delegates.AsNoTracking().Where(d => d.ForumId == forum.Id && d.Status == RegistrationStatus.Approved).Select(d => d.Id).ToListAsync(ct);
            db.NoticeBatches.Add(new NoticeBatch
            {
                ForumId = forum.Id, CreatedUtc = utcNow, CreatedBy = "reminder", Kind = NoticeKind.Reminder, ReminderFor = tomorrow,
                Audience = SharedResource.Get("Notices_ReminderAudience", "en", tomorrow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), AttachAgenda = true, Total = ids.Count,
                Recipients = ids.Select(id => new NoticeRecipient { DelegateId = id }).ToList(),
            });
            try
            {
                await db.SaveChangesAsync(ct);
                made++;
            }
            catch (DbUpdateException)
            {
                // Another instance made this day's reminder a moment ago; the unique index kept theirs.
                db.ChangeTracker.Clear();
            }
        }

        return made;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Starting the day-before reminders failed; they are tried again in a minute.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
