namespace ForumManager.Features.Webhooks;

public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>How long a receiver has to answer one delivery.</summary>
    public double TimeoutSeconds { get; set; } = 10;

    /// <summary>How often an instance looks for events written on another instance and for retries that have come due.</summary>
    public double PollSeconds { get; set; } = 2;

    /// <summary>Deliveries claimed at once by one instance.</summary>
    public int BatchSize { get; set; } = 200;

    /// <summary>Deliveries on the wire at once from one instance.</summary>
    public int Concurrency { get; set; } = 16;

    /// <summary>Events fanned out are kept this long, with their deliveries and attempts, for the organizers to look at.</summary>
    public double KeepDays { get; set; } = 7;

    /// <summary>Whether <c>http</c> endpoints are refused; on in Production whatever this says.</summary>
    public bool RequireHttps { get; set; }
}
