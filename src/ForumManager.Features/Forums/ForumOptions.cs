using System.ComponentModel.DataAnnotations;

namespace ForumManager.Features.Forums;

/// <summary>The <c>Forum</c> configuration section.</summary>
public sealed class ForumOptions
{
    public const string Section = "Forum";

    /// <summary>Seed the 2010 demo forum into an empty database at start-up.</summary>
    public bool SeedDemo { get; set; }

    [Range(0, 1_000_000)]
    public int DemoDelegates { get; set; } = 220;

    /// <summary>The address people reach the site at, for links in emails.</summary>
    [Required, Url]
    public string PublicBaseUrl { get; set; } = "http://localhost:5080";

    /// <summary>The hour (forum time) on the day before each forum day when approved delegates get the reminder; -1 turns reminders off.</summary>
    [Range(-1, 23)]
    public int ReminderHour { get; set; } = 18;
}

/// <summary>The <c>Database</c> configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    [RegularExpression("^(Sqlite|SqlServer)$", ErrorMessage = "Database:Provider must be Sqlite or SqlServer.")]
    public string Provider { get; set; } = "Sqlite";

    /// <summary>Apply migrations at start-up. Default: on for SQLite; for SQL Server run the <c>migrate</c> verb or the script in db/.</summary>
    public bool? MigrateOnStartup { get; set; }

    public bool IsSqlServer => Provider == "SqlServer";
}

/// <summary>The <c>Security</c> configuration section.</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>Sign-in, password-reset and registration form posts allowed per client address and minute.</summary>
    [Range(1, 100_000)]
    public int AuthPostsPerMinute { get; set; } = 10;
}
