using ForumManager.Core.Auditing;
using ForumManager.Core.Registration;
using ForumManager.Data;
using ForumManager.Features.Privacy;
using Microsoft.EntityFrameworkCore;
using Delegate = ForumManager.Core.Delegates.Delegate;

namespace ForumManager.Features.Registration;

public enum EditOutcome
{
    Saved,
    NothingChanged,

    /// <summary>Someone else changed the record since the form was opened; nothing was written.</summary>
    ChangedMeanwhile,

    /// <summary>The new address belongs to another registration of this edition; nothing was written.</summary>
    EmailTaken,
}

/// <summary>
/// Saves an edit of a delegate's record, whoever makes it: the whole edit or nothing, refused if the record changed
/// since the form was shown (the stamp is its last update), with an audit entry of every field before and after.
/// </summary>
public sealed class DelegateEditor(ForumDbContext db, QuestionForm questions, PersonalData personalData, TimeProvider clock)
{
    /// <summary>The stamp an edit form carries, so that a save can tell whether the record moved on meanwhile.</summary>
    public static long Stamp(Delegate record) => record.UpdatedUtc.Ticks;

    public async Task<EditOutcome> SaveAsync(int delegateId, long stamp, RegistrationInput input, IReadOnlyList<Question> asked,
        Action<Delegate> alsoChange, Actor actor, CancellationToken ct)
    {
        if (stamp < DateTime.MinValue.Ticks || stamp > DateTime.MaxValue.Ticks)
        {
            // No record ever had a version outside the calendar: the form was forged, and nothing is written.
            return EditOutcome.ChangedMeanwhile;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var seen = new DateTime(stamp, DateTimeKind.Utc);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);

        // The claim is one atomic update: of two edits made from the same version, exactly one goes through.
        if (await db.Delegates.Where(d => d.Id == delegateId && d.UpdatedUtc == seen)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.UpdatedUtc, now), ct) == 0)
        {
            return EditOutcome.ChangedMeanwhile;
        }

        var record = await db.Delegates.SingleAsync(d => d.Id == delegateId, ct);
        var changes = DelegateChanges.Watch(record);
        var answersBefore = QuestionForm.Describe(asked, await questions.GivenAsync(asked, delegateId, ct));
        DelegateForm.Apply(input, record, personalData);
        alsoChange(record);
        await questions.ReplaceAsync(delegateId, asked, input.Answers, ct);
        var answersAfter = QuestionForm.Describe(asked, input.Answers);
        var difference = changes.Compare(record);
        if (difference is null && answersBefore == answersAfter)
        {
            await transaction.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            return EditOutcome.NothingChanged;
        }

        var (before, after) = difference ?? (string.Empty, string.Empty);
        if (answersBefore != answersAfter)
        {
            before = string.Join('\n', new[] { before, answersBefore }.Where(t => t.Length > 0));
            after = string.Join('\n', new[] { after, answersAfter }.Where(t => t.Length > 0));
        }

        db.AuditEntries.Add(actor.Audit(record.ForumId, now, nameof(Delegate), delegateId, "edited", before, after));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The unique address index said no: someone took the address a moment ago.
            await transaction.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            return EditOutcome.EmailTaken;
        }

        await transaction.CommitAsync(ct);
        return EditOutcome.Saved;
    }
}
