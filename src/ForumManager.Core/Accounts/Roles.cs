namespace ForumManager.Core.Accounts;

public static class Roles
{
    public const string Admin = "Admin";
    public const string Organizer = "Organizer";
    public const string Staff = "Staff";
    public const string Delegate = "Delegate";

    public static readonly IReadOnlyList<string> All = [Admin, Organizer, Staff, Delegate];

    /// <summary>The roles that may act as <paramref name="role"/>: an admin can do what an organizer can, and so on.</summary>
    public static IReadOnlyList<string> AtLeast(string role) => role switch
    {
        Admin => [Admin],
        Organizer => [Organizer, Admin],
        Staff => [Staff, Organizer, Admin],
        Delegate => [Delegate],
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Unknown role."),
    };

    public static string? Normalize(string? role) =>
        All.FirstOrDefault(r => string.Equals(r, role?.Trim(), StringComparison.OrdinalIgnoreCase));
}
