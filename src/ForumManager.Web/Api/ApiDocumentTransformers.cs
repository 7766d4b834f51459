using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ForumManager.Web.Api;

/// <summary>The document's title, description and version, the bearer scheme and the problem schema every refusal uses.</summary>
public sealed class ApiDocumentTransformer : IOpenApiDocumentTransformer
{
    public const string BearerScheme = "apiToken";
    public const string ProblemSchema = "Problem";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "ForumManager API",
            Version = "v1",
            Description = "The forum's delegates, programme, check-ins, logistics and notices for outside systems (the hotel's, the security "
                + "office's, the venue's screens). Every call carries an API token made by an admin at /admin/api, as "
                + "`Authorization: Bearer fmk_...`; each operation names the scope it needs. Errors are RFC 9457 problems "
                + "(application/problem+json); each token may make a limited number of requests a minute. The readable reference is at /api/v1/docs.",
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "fmk_<8 characters>_<32 characters>",
            Description = "An API token made at /admin/api, shown once when it is made. Its scopes decide which operations it may call.",
        };
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[ProblemSchema] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "An RFC 9457 problem, in the language the request's Accept-Language asks for (English or Chinese).",
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["type"] = new OpenApiSchema { Type = JsonSchemaType.String },
                ["title"] = new OpenApiSchema { Type = JsonSchemaType.String },
                ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
                ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String },
                ["instance"] = new OpenApiSchema { Type = JsonSchemaType.String },
                ["errors"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Description = "For a request that does not validate: each field's messages.",
                    AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
                },
            },
        };
        return Task.CompletedTask;
    }
}

/// <summary>
/// Gives every operation that names a scope (<see cref="ApiScopeMetadata"/>) the bearer requirement with that scope,
/// says the scope in its description and in <c>x-required-scope</c>, and lists the refusals every API call can get.
/// </summary>
public sealed class ApiOperationTransformer : IOpenApiOperationTransformer
{
    public const string ScopeExtension = "x-required-scope";

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var scope = context.Description.ActionDescriptor.EndpointMetadata.OfType<ApiScopeMetadata>().LastOrDefault()?.Scope;
        var document = context.Document;
        operation.Responses ??= [];
        if (scope is null)
        {
            AddRateLimit(operation.Responses, document);
            return Task.CompletedTask;
        }

        operation.Security ??= [];
        operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiDocumentTransformer.BearerScheme, document)] = [scope] });
        var needs = $"Requires a token with the scope `{scope}`.";
        operation.Description = string.IsNullOrWhiteSpace(operation.Description) ? needs : operation.Description + "\n\n" + needs;
        operation.Extensions ??= new Dictionary<string, IOpenApiExtension>();
        operation.Extensions[ScopeExtension] = new JsonNodeExtension(JsonValue.Create(scope));
        AddProblem(operation.Responses, "401", "No token, or a token that is unknown, expired or revoked.", document);
        AddProblem(operation.Responses, "403", $"The token does not have the scope `{scope}`.", document);
        AddRateLimit(operation.Responses, document);
        return Task.CompletedTask;
    }

    private static void AddRateLimit(OpenApiResponses responses, OpenApiDocument? document) =>
        AddProblem(responses, "429", "Too many requests from this token in the current minute; `Retry-After` says when to try again.", document, retryAfter: true);

    private static void AddProblem(OpenApiResponses responses, string status, string description, OpenApiDocument? document, bool retryAfter = false)
    {
        if (responses.ContainsKey(status))
        {
            return;
        }

        var response = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(ApiDocumentTransformer.ProblemSchema, document) },
            },
        };
        if (retryAfter)
        {
            response.Headers = new Dictionary<string, IOpenApiHeader>
            {
                ["Retry-After"] = new OpenApiHeader { Description = "Seconds until the next window opens.", Schema = new OpenApiSchema { Type = JsonSchemaType.Integer } },
            };
        }

        responses[status] = response;
    }
}
