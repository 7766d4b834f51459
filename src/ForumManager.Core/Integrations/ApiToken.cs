namespace ForumManager.Core.Integrations;

/// <summary>
/// A key an outside system (the hotel's reservation system, the security office, the venue's screens) uses to call the
/// API for one forum edition. The secret is shown once when it is made; only its SHA-256 is kept, with a short prefix
/// that names it in lists and logs. A token does only what its scopes allow, until it expires or is revoked.
/// </summary>
public sealed class ApiToken
{
    public int Id { get; set; }
    public int ForumId { get; set; }

    /// <summary>Who or what uses it, such as "Hotel reservation system".</summary>
    public required string Name { get; set; }

    public string? Note { get; set; }

    /// <summary>The granted scopes (<see cref="ApiScopes"/>), separated by spaces.</summary>
    public required string Scopes { get; set; }

    /// <summary>The token's first characters (<c>fmk_</c> and eight more), unique; how it is recognised without the secret.</summary>
    public required string Prefix { get; set; }

    /// <summary>SHA-256 of the whole token, in lowercase hexadecimal.</summary>
    public required string SecretHash { get; set; }

    public DateTime CreatedUtc { get; set; }
    public string? CreatedByUserId { get; set; }
    public required string CreatedByName { get; set; }
    public DateTime ExpiresUtc { get; set; }
    public DateTime? RevokedUtc { get; set; }
    public string? RevokedByName { get; set; }
    public DateTime? LastUsedUtc { get; set; }
    public string? LastUsedAddress { get; set; }

    public IReadOnlyList<string> ScopeList => Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public bool IsActive(DateTime nowUtc) => RevokedUtc is null && ExpiresUtc > nowUtc;
}

/// <summary>One call made with a token: when, from where, what, and how it was answered.</summary>
public sealed class ApiTokenUse
{
    public long Id { get; set; }
    public int TokenId { get; set; }
    public DateTime AtUtc { get; set; }
    public required string Address { get; set; }
    public required string Method { get; set; }
    public required string Path { get; set; }
    public int StatusCode { get; set; }
}

/// <summary>What a token may be allowed to do.</summary>
public static class ApiScopes
{
    public const string DelegatesRead = "delegates:read";
    public const string DelegatesWrite = "delegates:write";
    public const string CheckInsWrite = "checkins:write";
    public const string ProgrammeRead = "programme:read";
    public const string LogisticsRead = "logistics:read";
    public const string NoticesSend = "notices:send";
    public const string PassportRead = "passport:read";

    public static readonly IReadOnlyList<string> All =
        [DelegatesRead, DelegatesWrite, CheckInsWrite, ProgrammeRead, LogisticsRead, NoticesSend, PassportRead];
}
