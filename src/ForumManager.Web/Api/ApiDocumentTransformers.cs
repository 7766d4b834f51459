using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using ForumManager.Core.Delegates;
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

/// <summary>
/// Describes the JSON as the API writes it (<see cref="ApiJson.Options"/>) rather than as the framework's default
/// options would: enums as their snake_case names, numbers as numbers only (the API never reads them from strings),
/// a date of birth as a date, and fields that may be null or left out not required.
/// </summary>
public sealed class ApiSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        var enumType = Nullable.GetUnderlyingType(type) ?? type;
        if (enumType.IsEnum)
        {
            schema.Type = JsonSchemaType.String | (schema.Type is { } t && t.HasFlag(JsonSchemaType.Null) ? JsonSchemaType.Null : 0);
            schema.Format = null;
            schema.Pattern = null;
            schema.Enum = [.. Enum.GetNames(enumType).Select(n => (JsonNode)JsonValue.Create(ApiJson.EnumNames.ConvertName(n)))];
            if (type != enumType)
            {
                schema.Enum.Add(null!);
            }

            return Task.CompletedTask;
        }

        if (schema.Type is { } numeric && numeric.HasFlag(JsonSchemaType.String) && (numeric.HasFlag(JsonSchemaType.Integer) || numeric.HasFlag(JsonSchemaType.Number)))
        {
            schema.Type = numeric & ~JsonSchemaType.String;
            schema.Pattern = null;
        }

        if (context.JsonPropertyInfo is { Name: "dateOfBirth" } && schema.Type is { } text && text.HasFlag(JsonSchemaType.String))
        {
            schema.Format = "date";
        }

        if (context.JsonTypeInfo.Kind == JsonTypeInfoKind.Object && schema.Required is { Count: > 0 } required)
        {
            foreach (var property in context.JsonTypeInfo.Properties.Where(p => p.IsGetNullable || p.IsSetNullable))
            {
                required.Remove(property.Name);
            }
        }

        return Task.CompletedTask;
    }
}

/// <summary>
/// What the handlers read by hand and the framework cannot see: each list's query parameters, the conditional request
/// headers (<c>If-None-Match</c> on reads, <c>If-Match</c> on writes) and the <c>ETag</c> reads answer with, and the
/// delegate's JSON merge patch body. Keyed by the operation's name.
/// </summary>
public sealed class ApiParameterTransformer : IOpenApiOperationTransformer
{
    private static readonly string[] Paged = ["limit", "cursor"];

    private static readonly Dictionary<string, string[]> Lists = new(StringComparer.Ordinal)
    {
        ["listDelegates"] = [.. Paged, "changed_since", "status", "category", "delegation", "country"],
        ["listCheckIns"] = [.. Paged, "changed_since", "checkpoint"],
        ["listDelegations"] = Paged,
        ["listInvitations"] = Paged,
        ["listAllocations"] = [.. Paged, "hotel"],
        ["listJourneys"] = [.. Paged, "direction"],
        ["listTransfers"] = Paged,
        ["listEnrolments"] = [.. Paged, "session"],
    };

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var name = context.Description.ActionDescriptor.EndpointMetadata.OfType<IEndpointNameMetadata>().LastOrDefault()?.EndpointName;
        operation.Parameters ??= [];
        if (name is not null && Lists.TryGetValue(name, out var parameters))
        {
            foreach (var parameter in parameters)
            {
                Add(operation, Query(parameter));
            }
        }

        // Ids are plain integers: the route's pattern for numbers sent as text says nothing the type does not.
        foreach (var id in operation.Parameters.OfType<OpenApiParameter>().Where(p => p.Schema is OpenApiSchema { Type: JsonSchemaType.Integer }))
        {
            ((OpenApiSchema)id.Schema!).Pattern = null;
        }

        var method = context.Description.HttpMethod;
        if (string.Equals(method, "GET", StringComparison.OrdinalIgnoreCase))
        {
            Add(operation, Header("If-None-Match", "The ETag of the answer the client holds; 304 Not Modified when it is still current.", required: false));
            if (operation.Responses?.TryGetValue("200", out var ok) == true && ok is OpenApiResponse okResponse)
            {
                okResponse.Headers ??= new Dictionary<string, IOpenApiHeader>();
                okResponse.Headers["ETag"] = new OpenApiHeader
                {
                    Description = "The answer's version (a strong entity tag), for If-None-Match on a later read and If-Match on a write.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                };
            }
        }
        else if (name is "updateDelegate" or "changeDelegateStatus")
        {
            var patch = name == "updateDelegate";
            Add(operation, Header("If-Match", patch
                ? "Required: the ETag of the delegate as last read (or *); 412 when the record changed since, 428 when left out."
                : "The ETag of the delegate as last read (or *); 412 when the record changed since.", required: patch));
            if (patch && operation.RequestBody is OpenApiRequestBody body && body.Content is { } content)
            {
                foreach (var media in content.Values)
                {
                    media.Schema = PatchSchema();
                }
            }
        }

        return Task.CompletedTask;
    }

    private static void Add(OpenApiOperation operation, OpenApiParameter parameter)
    {
        if (!operation.Parameters!.Any(p => p.Name == parameter.Name && p.In == parameter.In))
        {
            operation.Parameters!.Add(parameter);
        }
    }

    private static OpenApiParameter Header(string name, string description, bool required) => new()
    {
        Name = name, In = ParameterLocation.Header, Required = required, Description = description, Schema = new OpenApiSchema { Type = JsonSchemaType.String },
    };

    private static OpenApiParameter Query(string name) => name switch
    {
        "limit" => Query(name, "Items on a page, 1 to 500.", new OpenApiSchema
        {
            Type = JsonSchemaType.Integer, Format = "int32", Minimum = "1", Maximum = "500", Default = JsonValue.Create(ApiListQuery.DefaultLimit),
        }),
        "cursor" => Query(name, "The next page: the list's `next` as given, never built by the client.", new OpenApiSchema { Type = JsonSchemaType.String }),
        "changed_since" => Query(name, "Every change after this cursor, oldest first (0 for everything); each page's `next` is the cursor to keep.",
            new OpenApiSchema { Type = JsonSchemaType.String }),
        "status" => Query(name, "Only registrations in this state.", EnumSchema<RegistrationStatus>()),
        "category" => Query(name, "Only delegates of this category.", EnumSchema<DelegateCategory>()),
        "direction" => Query(name, "arrival (when left out), departure, or all for both.", new OpenApiSchema
        {
            Type = JsonSchemaType.String, Enum = [JsonValue.Create("arrival"), JsonValue.Create("departure"), JsonValue.Create("all")],
        }),
        "country" => Query(name, "Only delegates from this country (ISO 3166-1 alpha-2 code).", new OpenApiSchema { Type = JsonSchemaType.String }),
        "checkpoint" => Query(name, "Only check-ins at this checkpoint.", new OpenApiSchema { Type = JsonSchemaType.String }),
        _ => Query(name, $"Only items of this {name} (its id).", new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" }),
    };

    private static OpenApiParameter Query(string name, string description, OpenApiSchema schema) => new()
    {
        Name = name, In = ParameterLocation.Query, Required = false, Description = description, Schema = schema,
    };

    private static OpenApiSchema EnumSchema<T>() where T : struct, Enum => new()
    {
        Type = JsonSchemaType.String, Enum = [.. Enum.GetValues<T>().Select(v => (JsonNode)JsonValue.Create(ApiJson.Name(v)))],
    };

    private static OpenApiSchema PatchSchema()
    {
        static OpenApiSchema Text() => new() { Type = JsonSchemaType.String | JsonSchemaType.Null };
        static OpenApiSchema Date() => new() { Type = JsonSchemaType.String | JsonSchemaType.Null, Format = "date" };
        return new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "A JSON merge patch (RFC 7396) of the delegate: only the fields sent change; null clears an optional field.",
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["names"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Properties = new Dictionary<string, IOpenApiSchema> { ["family"] = Text(), ["given"] = Text(), ["native"] = Text() },
                },
                ["honorific"] = Text(), ["position"] = Text(), ["organization"] = Text(), ["country"] = Text(), ["email"] = Text(), ["phone"] = Text(),
                ["preferredLanguage"] = Text(), ["dietaryNeeds"] = Text(), ["accessibilityNeeds"] = Text(),
                ["needsVisaLetter"] = new OpenApiSchema { Type = JsonSchemaType.Boolean },
                ["delegationId"] = new OpenApiSchema { Type = JsonSchemaType.Integer | JsonSchemaType.Null, Format = "int32" },
                ["category"] = EnumSchema<DelegateCategory>(),
                ["precedenceRank"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
                ["passport"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Description = "Passport fields; changing them needs the passport scope the operation's description names.",
                    Properties = new Dictionary<string, IOpenApiSchema>
                    {
                        ["number"] = Text(), ["nationality"] = Text(), ["placeOfIssue"] = Text(), ["expiry"] = Date(), ["dateOfBirth"] = Date(),
                    },
                },
            },
        };
    }
}
