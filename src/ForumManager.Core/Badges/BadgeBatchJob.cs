namespace ForumManager.Core.Badges;

/// <summary>Where a badge batch stands: waiting for an instance, being made by one, made, or given up.</summary>
public enum BadgeBatchState
{
    Queued,
    Running,
    Done,
    Failed,
}

/// <summary>
/// A batch of badges too large to make while the organizer waits. Any app instance may make it: the one that claims
/// it holds it for a short lease (<see cref="ClaimedBy"/>, <see cref="ClaimedUntilUtc"/>) that it renews while it
/// draws, so a batch whose instance died is taken over by another once the lease runs out. Its progress is written
/// here and read by whichever instance serves the page; the finished PDF is a <see cref="BadgeBatchFile"/> of its own,
/// so that following the bar never reads it.
/// </summary>
public sealed class BadgeBatchJob
{
    /// <summary>Tries at making one batch before it is given up as failed.</summary>
    public const int MaxAttempts = 3;

    /// <summary>The <see cref="Error"/> of a batch whose every try's instance stopped before finishing; the page words it.</summary>
    public const string NeverFinished = "never-finished";

    public Guid Id { get; set; }
    public int ForumId { get; set; }

    /// <summary>The delegates, in print order, as comma-separated ids (see <see cref="Ids"/>).</summary>
    public required string DelegateIds { get; set; }

    /// <summary>The badge layout (the Documents' BadgeLayout, as its number, like <c>BadgePrint.Layout</c>).</summary>
    public int Layout { get; set; }

    public required string RequestedBy { get; set; }
    public DateTime CreatedUtc { get; set; }
    public BadgeBatchState State { get; set; }
    public int Done { get; set; }
    public int Total { get; set; }
    public int MissingGlyphs { get; set; }

    /// <summary>Why the last try failed (or <see cref="NeverFinished"/>); cleared when the batch is made or asked for again.</summary>
    public string? Error { get; set; }

    public string? ClaimedBy { get; set; }
    public DateTime? ClaimedUntilUtc { get; set; }

    /// <summary>How many times an instance has claimed the batch.</summary>
    public int Attempts { get; set; }

    public DateTime? FinishedUtc { get; set; }

    public static string JoinIds(IEnumerable<int> ids) => string.Join(',', ids.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    public IReadOnlyList<int> Ids() => DelegateIds.Length == 0
        ? []
        : DelegateIds.Split(',').Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture)).ToList();
}

/// <summary>The finished PDF of a badge batch, in the database so every instance can hand it out; deleted with its batch.</summary>
public sealed class BadgeBatchFile
{
    public Guid BatchId { get; set; }
    public required byte[] Content { get; set; }
}
