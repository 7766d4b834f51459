namespace ForumManager.Web.Api;

/// <summary>
/// How the API's parts meet: the token scheme (<see cref="ApiSetup"/>) puts the token's forum, id, name and scopes
/// into these claims; each endpoint (<see cref="ApiEndpoints"/>) names the scope it needs with
/// <see cref="ApiRouteExtensions.RequireScope{TBuilder}"/>, which the OpenAPI document also reads.
/// </summary>
public static class ApiAuth
{
    /// <summary>The authentication scheme of API tokens (<c>Authorization: Bearer fmk_...</c>); cookies never reach the API.</summary>
    public const string Scheme = "ApiToken";

    public const string ForumIdClaim = "fm:forum";
    public const string TokenIdClaim = "fm:token";
    public const string TokenNameClaim = "fm:token-name";
    public const string TokenPrefixClaim = "fm:token-prefix";
    public const string ScopeClaim = "scope";

    /// <summary>The authorization policy that requires <paramref name="scope"/> of an API token.</summary>
    public static string Policy(string scope) => "api:" + scope;
}

/// <summary>The scope an API endpoint requires; read by the authorization policy's registration and by the OpenAPI document.</summary>
public sealed record ApiScopeMetadata(string Scope);

public static class ApiRouteExtensions
{
    public static TBuilder RequireScope<TBuilder>(this TBuilder builder, string scope) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(ApiAuth.Policy(scope)).WithMetadata(new ApiScopeMetadata(scope));
}
