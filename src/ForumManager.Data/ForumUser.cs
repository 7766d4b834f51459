using Microsoft.AspNetCore.Identity;

namespace ForumManager.Data;

/// <summary>An account. Delegates link to it through <c>Delegate.UserId</c>; accounts are shared across editions.</summary>
public sealed class ForumUser : IdentityUser
{
    public string? DisplayName { get; set; }

    /// <summary>"en" or "zh-Hans": the language of mail sent to this account.</summary>
    public string PreferredCulture { get; set; } = "en";

    public DateTime CreatedUtc { get; set; }
}
