namespace ForumManager.Core.Delegates;

/// <summary>
/// Default protocol order. Organizers may override a delegate's rank; this gives the starting point so
/// that a VIP never sorts below a press officer by accident.
/// </summary>
public static class Precedence
{
    private const int Step = 1000;

    public static int DefaultRank(DelegateCategory category, string? position) =>
        CategoryBase(category) + PositionOffset(position);

    private static int CategoryBase(DelegateCategory category) => category switch
    {
        DelegateCategory.Vip => 1 * Step,
        DelegateCategory.HeadOfDelegation => 2 * Step,
        DelegateCategory.Speaker => 3 * Step,
        DelegateCategory.Delegate => 4 * Step,
        DelegateCategory.Press => 5 * Step,
        DelegateCategory.Organizer => 6 * Step,
        DelegateCategory.Staff => 7 * Step,
        DelegateCategory.Accompanying => 8 * Step,
        _ => 9 * Step,
    };

    // Within a category, office holders go before their deputies, and deputies before advisers.
    private static readonly (string Word, int Offset)[] Offices =
    [
        ("governor", 100), ("mayor", 100), ("president", 150), ("chair", 150),
        ("director", 400), ("secretary", 450), ("councillor", 500), ("councilor", 500),
        ("professor", 600), ("adviser", 700), ("advisor", 700),
    ];

    private const int DeputyOffset = 25;

    private static int PositionOffset(string? position)
    {
        if (string.IsNullOrWhiteSpace(position))
        {
            return 900;
        }

        var lower = position.ToLowerInvariant();
        var office = Offices.Where(o => lower.Contains(o.Word, StringComparison.Ordinal)).Select(o => o.Offset).DefaultIfEmpty(800).Min();
        var deputy = lower.Contains("vice", StringComparison.Ordinal) || lower.Contains("deputy", StringComparison.Ordinal);
        return deputy ? office + DeputyOffset : office;
    }
}
