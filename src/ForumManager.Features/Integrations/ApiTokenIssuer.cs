using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ForumManager.Core.Auditing;
using ForumManager.Core.Integrations;
using ForumManager.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ForumManager.Features.Integrations;

public sealed class ApiTokenInput
{
    [Required(ErrorMessage = "Validation_Required")]
    [StringLength(120, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "ApiTokens_Name")]
    public string? Name { get; set; }

    [StringLength(1000, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "ApiTokens_Note")]
    public string? Note { get; set; }

    [Display(Name = "ApiTokens_Scopes")]
    public List<string> Scopes { get; set; } = [];

    /// <summary>The last day the token works (UTC); it stops at the end of that day.</summary>
    [Display(Name = "ApiTokens_ExpiresOn")]
    public DateOnly? ExpiresOn { get; set; }
}

/// <summary>A token as the admin page lists it; the secret is never read back.</summary>
public sealed record ApiTokenSummary(int Id, string Name, string? Note, string Prefix, IReadOnlyList<string> Scopes, DateTime CreatedUtc,
    string CreatedByName, DateTime ExpiresUtc, DateTime? RevokedUtc, string? RevokedByName, DateTime? LastUsedUtc, string? LastUsedAddress)
{
    public ApiTokenState State(DateTime nowUtc) =>
        RevokedUtc is not null ? ApiTokenState.Revoked : ExpiresUtc <= nowUtc ? ApiTokenState.Expired : ApiTokenState.Active;
}

public enum ApiTokenState
{
    Active,
    Expired,
    Revoked,
}

/// <summary>A token just made: the whole token, which is shown this once and kept nowhere.</summary>
public sealed record IssuedApiToken(int Id, string Token, string Prefix, DateTime ExpiresUtc);

/// <summary>
/// Issues API tokens for an integration and revokes them, each audited. A token is <c>fmk_</c>, eight random characters
/// (its prefix, shown in lists and logs) and <c>_</c> then 32 more (160 random bits); only the SHA-256 of the whole token
/// is stored, so a copy of the database lets no one call the API.
/// </summary>
public sealed class ApiTokenIssuer(ForumDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> text)
{
    public const string TokenStart = "fmk_";
    public const int PrefixLength = 12;
    public const int DefaultDays = 90;
    public const int MaxDays = 2 * 365;

    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

    /// <summary>The default expiry the form offers.</summary>
    public DateOnly DefaultExpiry => Today.AddDays(DefaultDays);

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>The lowercase hexadecimal SHA-256 of the token's UTF-8 bytes, as stored.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>The prefix a presented token is looked up by, or null when it is not shaped as a token at all.</summary>
    public static string? PrefixOf(string token) =>
        token.Length >= PrefixLength + 33 && token.Length <= 200 && token.StartsWith(TokenStart, StringComparison.Ordinal) && token[PrefixLength] == '_'
            ? token[..PrefixLength]
            : null;

    public void Check(ApiTokenInput input, FieldErrors errors)
    {
        var unknown = input.Scopes.Where(s => !ApiScopes.All.Contains(s)).ToList();
        if (input.Scopes.Count == 0 || unknown.Count > 0)
        {
            errors.Add("Input.Scopes", text["ApiTokens_ScopesRequired"]);
        }

        if (input.ExpiresOn is not { } expires)
        {
            errors.Add("Input.ExpiresOn", text["Validation_Required", text["ApiTokens_ExpiresOn"]]);
        }
        else if (expires < Today.AddDays(1) || expires > Today.AddDays(MaxDays))
        {
            errors.Add("Input.ExpiresOn", text["ApiTokens_ExpiryRange", Today.AddDays(1).ToString("yyyy-MM-dd"), Today.AddDays(MaxDays).ToString("yyyy-MM-dd")]);
        }

        if (string.IsNullOrWhiteSpace(input.Name))
        {
            errors.Add("Input.Name", text["Validation_Required", text["ApiTokens_Name"]]);
        }
    }

    /// <summary>Makes a token for the forum; null (with what is wrong in <paramref name="errors"/>) when the input does not do.</summary>
    public async Task<IssuedApiToken?> CreateAsync(int forumId, ApiTokenInput input, Actor actor, FieldErrors errors, CancellationToken ct)
    {
        Check(input, errors);
        if (!errors.IsEmpty)
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var scopes = ApiScopes.All.Where(input.Scopes.Contains).ToList();
        var expires = input.ExpiresOn!.Value.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var name = input.Name!.Trim();
        var note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim();

        // A prefix is 40 random bits: a second token with the same one is unlikely, and the unique index refuses it.
        for (var attempt = 0; ; attempt++)
        {
            var prefix = TokenStart + RandomNumberGenerator.GetString(Alphabet, 8);
            var token = prefix + "_" + RandomNumberGenerator.GetString(Alphabet, 32);
            var row = new ApiToken
            {
                ForumId = forumId, Name = name, Note = note, Scopes = string.Join(' ', scopes), Prefix = prefix, SecretHash = Hash(token),
                CreatedUtc = now, CreatedByUserId = actor.UserId, CreatedByName = actor.Name, ExpiresUtc = expires,
            };
            db.ApiTokens.Add(row);
            try
            {
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                await db.SaveChangesAsync(ct);
                db.AuditEntries.Add(actor.Audit(forumId, now, nameof(ApiToken), row.Id, "api-token-created",
                    after: JsonSerializer.Serialize(new { row.Name, row.Note, row.Prefix, Scopes = scopes, row.ExpiresUtc })));
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                return new IssuedApiToken(row.Id, token, prefix, expires);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>Revokes a token at once (one conditional update, so two admins revoking it both see it revoked once); false when it was not active.</summary>
    public async Task<bool> RevokeAsync(int forumId, int tokenId, Actor actor, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var revoked = await db.ApiTokens.Where(t => t.Id == tokenId && t.ForumId == forumId && t.RevokedUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedUtc, now).SetProperty(t => t.RevokedByName, actor.Name), ct);
        if (revoked == 0)
        {
            return false;
        }

        var prefix = await db.ApiTokens.Where(t => t.Id == tokenId).Select(t => t.Prefix).SingleAsync(ct);
        db.AuditEntries.Add(actor.Audit(forumId, now, nameof(ApiToken), tokenId, "api-token-revoked", before: prefix));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    public async Task<IReadOnlyList<ApiTokenSummary>> ListAsync(int forumId, CancellationToken ct)
    {
        var rows = await db.ApiTokens.AsNoTracking().Where(t => t.ForumId == forumId)
            .OrderByDescending(t => t.CreatedUtc).ThenByDescending(t => t.Id)
            .ToListAsync(ct);
        return [.. rows.Select(Summary)];
    }

    public async Task<ApiTokenSummary?> FindAsync(int forumId, int tokenId, CancellationToken ct) =>
        await db.ApiTokens.AsNoTracking().Where(t => t.ForumId == forumId && t.Id == tokenId).ToListAsync(ct) is [var row] ? Summary(row) : null;

    /// <summary>A token's most recent uses, newest first.</summary>
    public async Task<IReadOnlyList<ApiTokenUse>> RecentUsesAsync(int tokenId, int count, CancellationToken ct) =>
        await db.ApiTokenUses.AsNoTracking().Where(u => u.TokenId == tokenId)
            .OrderByDescending(u => u.AtUtc).ThenByDescending(u => u.Id).Take(count).ToListAsync(ct);

    private static ApiTokenSummary Summary(ApiToken t) => new(t.Id, t.Name, t.Note, t.Prefix, t.ScopeList, t.CreatedUtc, t.CreatedByName, t.ExpiresUtc,
        t.RevokedUtc, t.RevokedByName, t.LastUsedUtc, t.LastUsedAddress);
}
