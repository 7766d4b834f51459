using System.Globalization;
using System.Runtime.CompilerServices;
using ForumManager.Core.CheckIns;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Delegate = ForumManager.Core.Delegates.Delegate;

namespace ForumManager.Features.Instances;

/// <summary>
/// Tells every instance which forum's live counts moved, whatever saved the change: a check-in kept, a registration
/// made or its status changed. Watches the database context's saves, so no use case has to remember to say so.
/// </summary>
public sealed class ChangeSignals(IInstanceSignals signals) : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, Pending> _pending = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Send(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Send(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Drop(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Drop(eventData.Context);
        return Task.CompletedTask;
    }

    private void Drop(DbContext? context)
    {
        if (context is not null)
        {
            _pending.Remove(context);
        }
    }

    private void Collect(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        Pending? pending = null;
        foreach (var entry in context.ChangeTracker.Entries())
        {
            switch (entry)
            {
                case { Entity: CheckIn checkIn, State: EntityState.Added or EntityState.Modified or EntityState.Deleted }:
                    (pending ??= new()).CheckIns.Add(checkIn.ForumId);
                    break;
                case { Entity: Delegate person, State: EntityState.Added or EntityState.Deleted }:
                    (pending ??= new()).Registrations.Add(person.ForumId);
                    break;
                case { Entity: Delegate person, State: EntityState.Modified } when entry.Property(nameof(Delegate.Status)).IsModified:
                    (pending ??= new()).Registrations.Add(person.ForumId);
                    break;
            }
        }

        if (pending is null)
        {
            _pending.Remove(context);
        }
        else
        {
            _pending.AddOrUpdate(context, pending);
        }
    }

    private void Send(DbContext? context)
    {
        if (context is null || !_pending.TryGetValue(context, out var pending))
        {
            return;
        }

        _pending.Remove(context);
        foreach (var forum in pending.CheckIns)
        {
            signals.Publish(SignalTopics.CheckInsChanged, forum.ToString(CultureInfo.InvariantCulture));
        }

        foreach (var forum in pending.Registrations)
        {
            signals.Publish(SignalTopics.RegistrationsChanged, forum.ToString(CultureInfo.InvariantCulture));
        }
    }

    private sealed class Pending
    {
        public HashSet<int> CheckIns { get; } = [];
        public HashSet<int> Registrations { get; } = [];
    }
}
