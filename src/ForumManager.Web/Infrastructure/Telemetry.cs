using System.Diagnostics;
using ForumManager.Features;
using ForumManager.Features.Zones;
using Microsoft.AspNetCore.Routing;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace ForumManager.Web.Infrastructure;

/// <summary>
/// OpenTelemetry traces and metrics, sent by OTLP to the collector named in <c>OpenTelemetry:Endpoint</c> (or the
/// standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>). With neither set nothing is collected at all, so an instance with
/// nowhere to send telemetry pays nothing for it; <c>OpenTelemetry:Enabled</c> turns collection on without an endpoint
/// (the tests add an in-memory exporter that way).
/// </summary>
public static class Telemetry
{
    public const string Section = "OpenTelemetry";
    public const string ServiceName = "forummanager";
    public const string RecordParametersSwitch = "OTEL_DOTNET_EXPERIMENTAL_EFCORE_ENABLE_TRACE_DB_QUERY_PARAMETERS";

    /// <summary>The name of the app's own spans and meters, in Features and Mail alike.</summary>
    public const string SourceName = FeatureTelemetry.Name;

    public static WebApplicationBuilder AddForumTelemetry(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var endpoint = configuration[$"{Section}:Endpoint"];
        var standardEndpoint = configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        if (string.IsNullOrWhiteSpace(endpoint) && string.IsNullOrWhiteSpace(standardEndpoint) && !configuration.GetValue<bool>($"{Section}:Enabled"))
        {
            return builder;
        }

        // Parameter values are delegates' names, addresses and passport numbers. The EF Core instrumentation records
        // none (its statement text keeps the placeholders and is sanitized of literals) unless this experimental switch
        // asks it to, and then the app would rather not start than send them to a collector.
        if (configuration.GetValue<bool>(RecordParametersSwitch))
        {
            throw new InvalidOperationException($"{RecordParametersSwitch} would put delegates' personal data into traces; unset it.");
        }

        var target = Target(configuration, endpoint);
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(ServiceName, serviceVersion: typeof(Telemetry).Assembly.GetName().Version?.ToString(), autoGenerateServiceInstanceId: true))
            .WithTracing(tracing =>
            {
                tracing
                    .SetSampler(new ParentBasedSampler(new NamedWorkSampler()))
                    .AddSource(SourceName)
                    .AddAspNetCoreInstrumentation(o =>
                    {
                        o.Filter = context => !IsQuiet(context.Request.Path);
                        o.RecordException = false;
                        o.EnrichWithHttpResponse = KeepTheRouteNotThePath;
                    })
                    .AddEntityFrameworkCoreInstrumentation()
                    .AddHttpClientInstrumentation(o => o.RecordException = false);
                if (Exporter(target, standardEndpoint, "v1/traces") is { } export)
                {
                    tracing.AddOtlpExporter(export);
                }
            })
            .WithMetrics(metrics =>
            {
                metrics
                    .AddMeter(SourceName)
                    .AddAspNetCoreInstrumentation()
                    .AddMeter("Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.Http.Connections", "Microsoft.AspNetCore.RateLimiting")
                    .AddHttpClientInstrumentation()
                    .AddInstrumentation(sp => sp.GetRequiredService<ZoneOccupancyGauge>());
                if (Exporter(target, standardEndpoint, "v1/metrics") is { } export)
                {
                    metrics.AddOtlpExporter(export);
                }
            });

        return builder;
    }

    /// <summary>
    /// <c>OpenTelemetry:Endpoint</c> and <c>OpenTelemetry:Protocol</c> read and checked at start: a collector's address
    /// without its scheme, or a protocol the exporter does not speak, stops the app naming the key, instead of a
    /// telemetry pipeline that fails on its first export.
    /// </summary>
    private static (Uri Endpoint, bool Http)? Target(IConfiguration configuration, string? endpoint)
    {
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            return null;
        }

        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new InvalidOperationException($"{Section}:Endpoint has \"{endpoint}\", which is not an http or https address such as http://collector:4317.");
        }

        var protocol = configuration[$"{Section}:Protocol"];
        return protocol switch
        {
            null or "" or "grpc" => (uri, false),
            "http/protobuf" => (uri, true),
            _ => throw new InvalidOperationException($"{Section}:Protocol has \"{protocol}\"; it is grpc (the default) or http/protobuf."),
        };
    }

    /// <summary>
    /// The OTLP exporter of one signal, or none without an endpoint. Traces and metrics only: the logs stay where they
    /// are written today (an OTLP log exporter would send every log line, with whatever it names, to the collector).
    /// </summary>
    private static Action<OtlpExporterOptions>? Exporter((Uri Endpoint, bool Http)? target, string? standardEndpoint, string signalPath)
    {
        if (target is { } configured)
        {
            return o =>
            {
                o.Protocol = configured.Http ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
                // Over HTTP each signal has its own path under the collector's address; gRPC takes the address alone.
                o.Endpoint = configured.Http ? new Uri(configured.Endpoint.ToString().TrimEnd('/') + "/" + signalPath) : configured.Endpoint;
            };
        }

        // The exporter reads OTEL_EXPORTER_OTLP_ENDPOINT, _PROTOCOL, _HEADERS and the rest itself.
        return string.IsNullOrWhiteSpace(standardEndpoint) ? null : _ => { };
    }

    /// <summary>Static files and the load balancer's health probe (every few seconds per instance) are not worth a trace each.</summary>
    private static bool IsQuiet(PathString path) =>
        path.StartsWithSegments("/health") || path.StartsWithSegments("/css") || path.StartsWithSegments("/js")
        || path.StartsWithSegments("/lib") || path.StartsWithSegments("/favicon.ico");

    /// <summary>
    /// A path with a value in it can carry a secret (a calendar feed's token): the span keeps the route's pattern in its
    /// place. A fixed path, or one no route matched, stays as it was.
    /// </summary>
    private static void KeepTheRouteNotThePath(Activity activity, HttpResponse response)
    {
        if (response.HttpContext.GetEndpoint() is RouteEndpoint { RoutePattern.RawText: { } pattern } && pattern.Contains('{', StringComparison.Ordinal))
        {
            activity.SetTag("url.path", "/" + pattern.TrimStart('/'));
        }
    }

    /// <summary>
    /// A trace begins with a request or a piece of work the app names (an outbox pass that sends, a notice batch, a
    /// badge batch). A database command or outgoing call with no such parent is background polling (the dispatcher,
    /// the reminder and the batch services look every few seconds on every instance) and would make a trace of one
    /// span each time; it is left out. Whatever has a parent follows its parent's decision.
    /// </summary>
    private sealed class NamedWorkSampler : Sampler
    {
        public override SamplingResult ShouldSample(in SamplingParameters samplingParameters) =>
            new(samplingParameters.Kind == ActivityKind.Client ? SamplingDecision.Drop : SamplingDecision.RecordAndSample);
    }
}
