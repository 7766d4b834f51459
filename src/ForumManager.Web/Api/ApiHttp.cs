using System.Buffers.Text;
using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using ForumManager.Core.Auditing;
using ForumManager.Core.Integrations;
using ForumManager.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Net.Http.Headers;

namespace ForumManager.Web.Api;

/// <summary>One page of a list: the items, and the cursor of the next page (null at the end).</summary>
public sealed record ApiPage<T>(IReadOnlyList<T> Items, string? Next);

/// <summary>How the API writes JSON: camelCase names, enums as lowercase words (<c>head_of_delegation</c>), UTC instants with <c>Z</c>.</summary>
public static class ApiJson
{
    /// <summary>The enum names the webhooks' payloads use too (<see cref="ApiNames"/>).</summary>
    public static readonly JsonNamingPolicy EnumNames = ApiNames.Policy;

    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(EnumNames, allowIntegerValues: false) },
    };

    /// <summary>The enum member named <paramref name="text"/> as the API writes it; false for anything else (numbers included).</summary>
    public static bool TryEnum<T>(string text, out T value) where T : struct, Enum
    {
        foreach (var member in Enum.GetValues<T>())
        {
            if (string.Equals(EnumNames.ConvertName(member.ToString()), text.Trim(), StringComparison.Ordinal))
            {
                value = member;
                return true;
            }
        }

        value = default;
        return false;
    }

    public static string Name<T>(T value) where T : struct, Enum => ApiNames.Of(value);
}

/// <summary>Who calls: the token's forum, its name and its scopes, from the claims the token scheme gave.</summary>
public static class ApiCaller
{
    public static int ForumId(this ClaimsPrincipal user) =>
        int.TryParse(user.FindFirstValue(ApiAuth.ForumIdClaim), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0;

    public static bool HasScope(this ClaimsPrincipal user, string scope) => user.HasClaim(ApiAuth.ScopeClaim, scope);

    /// <summary>The token as the audit log names it: <c>api:</c>, the token's name and its prefix, which no other token has (names may repeat).</summary>
    public static Actor Actor(this ClaimsPrincipal user) => new(null, "api:" + (user.FindFirstValue(ApiAuth.TokenNameClaim) ?? "token")
        + (user.FindFirstValue(ApiAuth.TokenPrefixClaim) is { } prefix ? " (" + prefix + ")" : string.Empty));
}

/// <summary>Opaque cursors: a kind and a number, in base64url, so a client keeps them and never builds one.</summary>
public static class ApiCursor
{
    public const string ById = "i";
    public const string ByChange = "s";

    public static string Encode(string kind, long value) =>
        Base64Url.EncodeToString(Encoding.ASCII.GetBytes(kind + ":" + value.ToString(CultureInfo.InvariantCulture)));

    public static bool TryDecode(string text, string kind, out long value)
    {
        value = 0;
        if (text.Length > 64 || !Base64Url.IsValid(text))
        {
            return false;
        }

        var plain = Encoding.ASCII.GetString(Base64Url.DecodeFromChars(text));
        return plain.StartsWith(kind + ":", StringComparison.Ordinal)
            && long.TryParse(plain.AsSpan(kind.Length + 1), NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }
}

/// <summary>The query of a list: <c>limit</c> (1–500, 100 by default) and <c>cursor</c>, checked with the other parameters' errors.</summary>
public sealed class ApiListQuery(HttpContext http, IStringLocalizer text)
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 500;

    public Dictionary<string, string[]> Errors { get; } = new(StringComparer.Ordinal);

    public string? Get(string name) => http.Request.Query.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v.ToString()) ? v.ToString() : null;

    public void Error(string field, string message) => Errors[field] = [message];

    public int Limit()
    {
        if (Get("limit") is not { } given)
        {
            return DefaultLimit;
        }

        if (int.TryParse(given, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit is >= 1 and <= MaxLimit)
        {
            return limit;
        }

        Error("limit", text["Api_Limit"]);
        return DefaultLimit;
    }

    /// <summary>The id after which the page starts (0 for the first page).</summary>
    public long After(string parameter = "cursor", string kind = ApiCursor.ById)
    {
        if (Get(parameter) is not { } given)
        {
            return 0;
        }

        if (ApiCursor.TryDecode(given, kind, out var after))
        {
            return after;
        }

        Error(parameter, text["Api_Cursor"]);
        return 0;
    }

    public int? Id(string name)
    {
        if (Get(name) is not { } given)
        {
            return null;
        }

        if (int.TryParse(given, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return id;
        }

        Error(name, text["Api_Number"]);
        return null;
    }

    public T? Enum<T>(string name) where T : struct, System.Enum
    {
        if (Get(name) is not { } given)
        {
            return null;
        }

        if (ApiJson.TryEnum<T>(given, out var value))
        {
            return value;
        }

        Error(name, text["Validation_Choose"]);
        return null;
    }

    public bool IsValid => Errors.Count == 0;

    /// <summary>The page's items, with the next cursor when the page is full.</summary>
    public static ApiPage<T> Page<T>(IReadOnlyList<T> items, int limit, Func<T, long> key) =>
        new(items, items.Count == limit && items.Count > 0 ? ApiCursor.Encode(ApiCursor.ById, key(items[^1])) : null);
}

/// <summary>
/// The answers every endpoint gives: JSON with a strong ETag (the record's version, or a hash of the body) answered 304
/// on a matching <c>If-None-Match</c>; and problems (RFC 9457) in the caller's language.
/// </summary>
public static class ApiAnswers
{
    /// <summary>The body as JSON with its ETag, or 304 when the client holds it already.</summary>
    public static IResult Read<T>(HttpContext http, T value, string? version = null)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(value, ApiJson.Options);
        var etag = Quote(version ?? Convert.ToHexStringLower(SHA256.HashData(body))[..32]);
        return NotModified(http, etag) ?? WithETag(http, etag, Results.Bytes(body, "application/json"));
    }

    /// <summary>304 when <c>If-None-Match</c> names <paramref name="etag"/> (or is <c>*</c>); null otherwise.</summary>
    public static IResult? NotModified(HttpContext http, string etag)
    {
        if (!EntityTagHeaderValue.TryParseList(http.Request.Headers.IfNoneMatch, out var tags)
            || !tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Tag.Equals(etag, StringComparison.Ordinal)))
        {
            return null;
        }

        http.Response.Headers.ETag = etag;
        return Results.StatusCode(StatusCodes.Status304NotModified);
    }

    public static IResult WithETag(HttpContext http, string etag, IResult result)
    {
        http.Response.Headers.ETag = etag;
        return result;
    }

    public static string Quote(string version) => "\"" + version + "\"";

    /// <summary>
    /// Whether <c>If-Match</c> lets a write go ahead on a record whose version is <paramref name="current"/> (RFC 9110
    /// 13.1.1): no header, <c>*</c> (the record exists), or a strong tag equal to its version; a weak tag never matches.
    /// </summary>
    public static bool IfMatchAllows(HttpContext http, string current)
    {
        var header = http.Request.Headers.IfMatch;
        if (string.IsNullOrWhiteSpace(header.ToString()))
        {
            return true;
        }

        var quoted = Quote(current);
        return EntityTagHeaderValue.TryParseList(header, out var tags)
            && tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || (!t.IsWeak && t.Tag.Equals(quoted, StringComparison.Ordinal)));
    }

    /// <summary>
    /// A list's version, from what it is made of (each item's id and version, the next cursor, whether passports are in
    /// it) rather than its body, so that it can be checked before any passport is read and tells nothing of one.
    /// </summary>
    public static string ListVersion(IEnumerable<(long Id, string Version)> items, string? next, bool passports)
    {
        var text = new StringBuilder(passports ? "p;" : "-;").Append(next).Append(';');
        foreach (var (id, version) in items)
        {
            text.Append(id.ToString(CultureInfo.InvariantCulture)).Append(':').Append(version).Append(';');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..32];
    }

    /// <summary>The version an <c>If-Match</c> header quotes (without quotes or a weak marker); null when there is none.</summary>
    public static string? IfMatch(HttpContext http)
    {
        var given = http.Request.Headers.IfMatch.ToString().Trim();
        if (given.Length == 0)
        {
            return null;
        }

        if (given.StartsWith("W/", StringComparison.Ordinal))
        {
            given = given[2..];
        }

        return given.Trim('"');
    }

    public static IResult Problem(int status, string title, string? detail = null) =>
        TypedResults.Problem(new ProblemDetails
        {
            Status = status, Title = title, Detail = detail,
            Type = status == StatusCodes.Status428PreconditionRequired ? "https://www.rfc-editor.org/rfc/rfc6585#section-3" : null,
        });

    public static IResult Invalid(IStringLocalizer text, IDictionary<string, string[]> errors) =>
        TypedResults.Problem(new HttpValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status400BadRequest,
            Title = text["Api_Problem_Validation"],
        });

    public static IResult Invalid(IStringLocalizer text, string field, string message) =>
        Invalid(text, new Dictionary<string, string[]> { [field] = [message] });

    public static IResult NotFound(IStringLocalizer text) => Problem(StatusCodes.Status404NotFound, text["Api_Problem_NotFound"]);

    /// <summary>A feature's field errors, under the API's field names.</summary>
    public static Dictionary<string, string[]> Fields(FieldErrors errors, Func<string, string> name) =>
        errors.All.GroupBy(e => name(e.Field)).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray(), StringComparer.Ordinal);
}

/// <summary>A request's JSON body, bounded in size: a body that is not one JSON object of at most 64 KB is refused.</summary>
public static class ApiBody
{
    public const int MaxBytes = 64 * 1024;

    public static async Task<JsonElement?> ReadObjectAsync(HttpContext http, CancellationToken ct)
    {
        var buffer = new byte[MaxBytes + 1];
        var read = 0;
        int got;
        while (read < buffer.Length && (got = await http.Request.Body.ReadAsync(buffer.AsMemory(read), ct)) > 0)
        {
            read += got;
        }

        if (read > MaxBytes)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(buffer.AsMemory(0, read), new JsonDocumentOptions { MaxDepth = 8 });
            return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The body as <typeparamref name="T"/>; null when it is not one JSON object of that shape.</summary>
    public static async Task<T?> ReadAsync<T>(HttpContext http, CancellationToken ct) where T : class
    {
        if (await ReadObjectAsync(http, ct) is not { } body)
        {
            return null;
        }

        try
        {
            return body.Deserialize<T>(ApiJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
