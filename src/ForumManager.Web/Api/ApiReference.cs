using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ForumManager.Web.Api;

public sealed record ApiReferenceParameter(string Name, string In, bool Required, string Type, string? Description);

public sealed record ApiReferenceResponse(string Status, string? Description, IReadOnlyList<string> ContentTypes);

public sealed record ApiReferenceOperation(string Method, string Path, string? OperationId, string? Summary, string? Description, string? Scope,
    IReadOnlyList<ApiReferenceParameter> Parameters, IReadOnlyList<string> RequestContentTypes, string? RequestSchema,
    IReadOnlyList<ApiReferenceResponse> Responses)
{
    /// <summary>An id for the operation's heading, from its method and path.</summary>
    public string Anchor => "op-" + Method.ToLowerInvariant() + "-" + new string([.. Path.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]).Trim('-');
}

/// <summary>
/// The operations of the generated OpenAPI document, read in-process from the same provider that serves
/// <c>/api/v1/openapi.json</c>, so that the reference page can never say something the document does not.
/// </summary>
public static class ApiReference
{
    public static async Task<IReadOnlyList<ApiReferenceOperation>> ReadAsync(IServiceProvider services, CancellationToken ct)
    {
        var provider = services.GetRequiredKeyedService<IOpenApiDocumentProvider>(ApiSetup.DocumentName);
        var document = await provider.GetOpenApiDocumentAsync(ct);
        return Operations(document);
    }

    public static IReadOnlyList<ApiReferenceOperation> Operations(OpenApiDocument document) =>
    [
        .. from path in document.Paths ?? []
           from operation in path.Value.Operations ?? []
           orderby path.Key, MethodOrder(operation.Key.Method)
           select Describe(path.Key, operation.Key.Method, operation.Value, path.Value.Parameters),
    ];

    private static ApiReferenceOperation Describe(string path, string method, OpenApiOperation operation, IList<IOpenApiParameter>? shared)
    {
        var scope = operation.Extensions?.TryGetValue(ApiOperationTransformer.ScopeExtension, out var extension) == true && extension is JsonNodeExtension { Node: JsonValue value }
            ? value.GetValue<string>()
            : null;
        var parameters = (shared ?? []).Concat(operation.Parameters ?? [])
            .Select(p => new ApiReferenceParameter(p.Name ?? "", p.In?.ToString().ToLowerInvariant() ?? "", p.Required, TypeOf(p.Schema), p.Description))
            .ToList();
        var body = operation.RequestBody;
        var responses = (operation.Responses ?? [])
            .OrderBy(r => r.Key, StringComparer.Ordinal)
            .Select(r => new ApiReferenceResponse(r.Key, r.Value.Description, [.. (r.Value.Content ?? new Dictionary<string, OpenApiMediaType>()).Keys]))
            .ToList();
        return new ApiReferenceOperation(method.ToUpperInvariant(), path, operation.OperationId, operation.Summary, operation.Description, scope, parameters,
            [.. (body?.Content ?? new Dictionary<string, OpenApiMediaType>()).Keys],
            body?.Content?.Values.Select(c => TypeOf(c.Schema)).FirstOrDefault(), responses);
    }

    private static string TypeOf(IOpenApiSchema? schema) => schema switch
    {
        null => "",
        OpenApiSchemaReference reference => reference.Reference.Id ?? "object",
        { Type: JsonSchemaType.Array } => TypeOf(schema.Items) + "[]",
        { Type: { } type } => string.Join(" | ", Enum.GetValues<JsonSchemaType>().Where(t => t != JsonSchemaType.Null && type.HasFlag(t)).Select(t => t.ToString().ToLowerInvariant())),
        _ => "",
    };

    private static int MethodOrder(string method) => method.ToUpperInvariant() switch
    {
        "GET" => 0,
        "POST" => 1,
        "PUT" => 2,
        "PATCH" => 3,
        "DELETE" => 4,
        _ => 5,
    };
}
