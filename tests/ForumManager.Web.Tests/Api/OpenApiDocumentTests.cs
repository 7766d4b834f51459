using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ForumManager.Core.Integrations;
using ForumManager.Testing;

namespace ForumManager.Web.Tests.Api;

public sealed class OpenApiAppFixture : ForumAppFactory;

/// <summary>
/// The OpenAPI document at /api/v1/openapi.json: valid OpenAPI 3.1 by the specification's own schemas, only the API in
/// it, and every operation in it answering as it says, for no token (401), a token without its scope (403) and one with
/// it (a status the operation lists). It reads the operations from the document, so it covers every resource added.
/// </summary>
public sealed class OpenApiDocumentTests(OpenApiAppFixture app) : IClassFixture<OpenApiAppFixture>
{
    private async Task<JsonObject> DocumentAsync()
    {
        var response = await Clients.Anonymous(app).GetAsync("/api/v1/openapi.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    private static List<(string Path, string Method, JsonObject Operation)> Operations(JsonObject document) =>
    [
        .. from path in document["paths"]!.AsObject()
           from operation in path.Value!.AsObject()
           where operation.Key is "get" or "post" or "put" or "patch" or "delete"
           select (path.Key, operation.Key, operation.Value!.AsObject()),
    ];

    [Fact]
    public async Task Should_pass_the_openapi_3_1_schema_validator_and_hold_only_the_api()
    {
        var document = await DocumentAsync();
        var report = await ValidateAsync(document.ToJsonString());

        Assert.True(report.GetProperty("valid").GetBoolean(), "The OpenAPI validator found: " + report.GetProperty("errors"));
        Assert.Equal("3.1", report.GetProperty("version").GetString());
        Assert.StartsWith("3.1", document["openapi"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("ForumManager API", document["info"]!["title"]!.GetValue<string>());
        Assert.Equal("http", document["components"]!["securitySchemes"]!["apiToken"]!["type"]!.GetValue<string>());
        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.NotEmpty(paths);
        Assert.All(paths, p => Assert.StartsWith("/api/v1/", p, StringComparison.Ordinal));
        Assert.DoesNotContain(paths, p => p.Contains("openapi.json", StringComparison.Ordinal) || p.Contains("/docs", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_fail_the_validator_on_a_document_that_breaks_the_specification()
    {
        // The validator is really run: a document without info.version and with a response without its description fails.
        var report = await ValidateAsync("""{ "openapi": "3.1.1", "info": { "title": "x" }, "paths": { "/a": { "get": { "responses": { "200": {} } } } } }""");

        Assert.False(report.GetProperty("valid").GetBoolean());
        Assert.NotEqual(0, report.GetProperty("errors").GetArrayLength());
    }

    [Fact]
    public async Task Should_answer_every_operation_with_401_without_a_token_403_without_its_scope_and_a_documented_status_with_it()
    {
        var document = await DocumentAsync();
        var operations = Operations(document);
        Assert.True(operations.Count > 0, "The document lists no /api/v1 operations.");
        var everything = await ApiTestTokens.AddAsync(app, ApiScopes.All);
        var client = Clients.Anonymous(app);
        var failures = new List<string>();

        foreach (var (template, method, operation) in operations)
        {
            var scope = operation["x-required-scope"]?.GetValue<string>();
            if (scope is null || !ApiScopes.All.Contains(scope))
            {
                failures.Add($"{method.ToUpperInvariant()} {template} names no known scope in x-required-scope.");
                continue;
            }

            Assert.Contains(scope, operation["security"]![0]!["apiToken"]!.AsArray().Select(s => s!.GetValue<string>()));
            var path = await FillPathAsync(client, operations, template, operation, everything);
            var allButOne = await ApiTestTokens.AddAsync(app, ApiScopes.All.Where(s => s != scope));
            var documented = operation["responses"]!.AsObject().Select(r => r.Key).ToHashSet();

            var none = await client.SendAsync(WithBody(ApiTestTokens.Request(new HttpMethod(method), path, null), method));
            var without = await client.SendAsync(WithBody(ApiTestTokens.Request(new HttpMethod(method), path, allButOne), method));
            var with = await client.SendAsync(WithBody(ApiTestTokens.Request(new HttpMethod(method), path, everything), method));

            var label = $"{method.ToUpperInvariant()} {path} ({scope})";
            if (none.StatusCode != HttpStatusCode.Unauthorized || none.Content.Headers.ContentType?.MediaType != "application/problem+json")
                failures.Add($"{label} without a token answered {(int)none.StatusCode} {none.Content.Headers.ContentType}, not 401 problem+json.");
            if (!none.Headers.WwwAuthenticate.Any(h => h.Scheme == "Bearer"))
                failures.Add($"{label} without a token did not ask for a Bearer token.");
            if (without.StatusCode != HttpStatusCode.Forbidden || without.Content.Headers.ContentType?.MediaType != "application/problem+json")
                failures.Add($"{label} with every scope but its own answered {(int)without.StatusCode}, not 403 problem+json.");
            var status = ((int)with.StatusCode).ToString(CultureInfo.InvariantCulture);
            if (!documented.Contains(status) && !documented.Contains("default"))
                failures.Add($"{label} with its scope answered {status}, which the document does not list ({string.Join(", ", documented)}).");
            if (with.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
                failures.Add($"{label} with its scope was refused ({status}).");
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task Should_show_every_operation_of_the_document_on_the_reference_page_in_both_languages()
    {
        var operations = Operations(await DocumentAsync());
        var en = await HtmlForms.GetPageAsync(Clients.Anonymous(app), "/api/v1/docs");
        var zh = await HtmlForms.GetPageAsync(Clients.Anonymous(app, "zh-CN"), "/api/v1/docs");

        Assert.Equal("API reference", en.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("API 参考文档", zh.QuerySelector("h1")!.TextContent.Trim());
        var shown = en.QuerySelectorAll("[data-testid=operation] h3").Select(h => string.Join(' ', h.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))).ToList();
        Assert.Equal(operations.Select(o => $"{o.Method.ToUpperInvariant()} {o.Path}").Order(), shown.Order());
        Assert.Equal(operations.Select(o => o.Operation["x-required-scope"]!.GetValue<string>()).Order(),
            en.QuerySelectorAll("[data-testid=operation-scope]").Select(s => s.TextContent).Order());
        Assert.Contains("600", en.QuerySelector("[data-testid=rate-limit]")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(en.QuerySelector("#errors"));
        Assert.NotNull(en.QuerySelector("a[href='/api/v1/openapi.json']"));
    }

    /// <summary>A write gets a body that does not validate, on purpose: the test needs its answer, not a change.</summary>
    private static HttpRequestMessage WithBody(HttpRequestMessage request, string method)
    {
        if (method is not "get" and not "delete")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }

        return request;
    }

    /// <summary>
    /// Fills each path parameter from seeded data: the list the path is under (the path up to the parameter) is read with
    /// a full token and the first item's value of the parameter's name, or its id, is taken.
    /// </summary>
    private static async Task<string> FillPathAsync(HttpClient client, List<(string Path, string Method, JsonObject Operation)> operations, string template,
        JsonObject operation, string token)
    {
        var path = template;
        foreach (var parameter in (operation["parameters"]?.AsArray() ?? []).Where(p => p!["in"]!.GetValue<string>() == "path"))
        {
            var name = parameter!["name"]!.GetValue<string>();
            var marker = "{" + name + "}";
            var list = path[..path.IndexOf(marker, StringComparison.Ordinal)].TrimEnd('/');
            var value = "1";
            if (operations.Any(o => o.Path == list && o.Method == "get"))
            {
                var response = await client.SendAsync(ApiTestTokens.Request(HttpMethod.Get, list, token));
                if (response.IsSuccessStatusCode && JsonNode.Parse(await response.Content.ReadAsStringAsync()) is JsonObject body
                    && body["items"] is JsonArray { Count: > 0 } items && items[0] is JsonObject first)
                {
                    value = (first[name] ?? first["id"])?.ToJsonString().Trim('"') ?? value;
                }
            }

            path = path.Replace(marker, Uri.EscapeDataString(value), StringComparison.Ordinal);
        }

        return path;
    }

    [Fact]
    public async Task Should_describe_the_json_and_the_parameters_as_the_api_really_uses_them()
    {
        var document = await DocumentAsync();
        var list = document["paths"]!["/api/v1/delegates"]!["get"]!.AsObject();
        var read = document["paths"]!["/api/v1/delegates/{id}"]!["get"]!.AsObject();
        var patch = document["paths"]!["/api/v1/delegates/{id}"]!["patch"]!.AsObject();
        var schemas = document["components"]!["schemas"]!.AsObject();
        var nodes = Descendants(document).ToList();

        var parameters = list["parameters"]!.AsArray().Select(p => (Name: p!["name"]!.GetValue<string>(), In: p["in"]!.GetValue<string>())).ToList();
        foreach (var name in new[] { "limit", "cursor", "changed_since", "status", "category", "delegation", "country" })
        {
            Assert.Contains((name, "query"), parameters);
        }

        Assert.Contains("approved", list["parameters"]!.AsArray().Single(p => p!["name"]!.GetValue<string>() == "status")!["schema"]!["enum"]!.AsArray()
            .Select(v => v?.ToString()));
        Assert.Contains(nodes.OfType<JsonObject>(), o => o["enum"] is JsonArray values && values.Any(v => v?.ToString() == "approved")
            && values.Any(v => v?.ToString() == "waitlisted") && o["type"]?.ToString().Contains("string", StringComparison.Ordinal) == true);
        Assert.DoesNotContain(nodes.OfType<JsonObject>(), o => o["enum"] is JsonArray values && values.Any(v => v?.GetValueKind() == JsonValueKind.Number));
        Assert.DoesNotContain(nodes.OfType<JsonObject>(), o => o["type"] is JsonArray types && types.Any(t => t!.GetValue<string>() == "string")
            && types.Any(t => t!.GetValue<string>() is "integer" or "number"));
        Assert.Equal("integer", read["parameters"]!.AsArray().Single(p => p!["name"]!.GetValue<string>() == "id")!["schema"]!["type"]!.ToString());
        Assert.Null(read["parameters"]!.AsArray().Single(p => p!["name"]!.GetValue<string>() == "id")!["schema"]!["pattern"]);
        Assert.Contains(read["parameters"]!.AsArray(), p => p!["name"]!.GetValue<string>() == "If-None-Match" && p["in"]!.GetValue<string>() == "header");
        Assert.NotNull(read["responses"]!["200"]!["headers"]?["ETag"]);
        Assert.Contains(patch["parameters"]!.AsArray(), p => p!["name"]!.GetValue<string>() == "If-Match" && p["required"]!.GetValue<bool>());
        Assert.NotNull(patch["requestBody"]!["content"]!.AsObject().First().Value!["schema"]!["properties"]?["passport"]);
        Assert.Contains(nodes.OfType<JsonObject>(), o => o["properties"]?["dateOfBirth"]?["format"]?.GetValue<string>() == "date");
        Assert.DoesNotContain("reason", Required(schemas, "StatusChangeRequest"));
        Assert.DoesNotContain("checkpoint", Required(schemas, "ScanRequest"));
        Assert.DoesNotContain("audience", Required(schemas, "ApiNoticeRequest"));
        Assert.Empty(Required(schemas, "ApiAudience"));
    }

    private static IEnumerable<JsonNode> Descendants(JsonNode node)
    {
        yield return node;
        IEnumerable<JsonNode?> children = node switch
        {
            JsonObject o => o.Select(p => p.Value),
            JsonArray a => a,
            _ => [],
        };
        foreach (var child in children.OfType<JsonNode>().SelectMany(Descendants))
        {
            yield return child;
        }
    }

    private static List<string> Required(JsonObject schemas, string name)
    {
        Assert.True(schemas.ContainsKey(name), $"The document has no schema {name}.");
        return schemas[name]!["required"]?.AsArray().Select(r => r!.GetValue<string>()).ToList() ?? [];
    }

    /// <summary>Runs @seriousme/openapi-schema-validator (installed in the browser tests' web-checks by npm ci) over a document.</summary>
    private static async Task<JsonElement> ValidateAsync(string document)
    {
        var checks = Path.Combine(RepositoryFolder.Root, "tests", "ForumManager.BrowserTests", "web-checks");
        Assert.True(File.Exists(Path.Combine(checks, "node_modules", "@seriousme", "openapi-schema-validator", "package.json")),
            $"@seriousme/openapi-schema-validator is not installed: run npm ci in {checks} (scripts/test.sh does).");
        var start = new ProcessStartInfo("node", [Path.Combine(checks, "openapi-check.mjs")])
        {
            WorkingDirectory = checks, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
            StandardInputEncoding = new UTF8Encoding(false), StandardOutputEncoding = Encoding.UTF8,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start: install Node.js (scripts/test.sh does).");
        await process.StandardInput.WriteAsync(document);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"openapi-check.mjs failed: {await error}");
        return JsonDocument.Parse(await output).RootElement.Clone();
    }
}
