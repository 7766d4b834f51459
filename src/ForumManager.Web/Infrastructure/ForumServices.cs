using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Threading.RateLimiting;
using ForumManager.Core.Accounts;
using ForumManager.Data;
using ForumManager.Data.SqlServer;
using ForumManager.Data.Sqlite;
using ForumManager.Features;
using ForumManager.Web.Api;
using ForumManager.Features.Accounts;
using ForumManager.Features.Accreditation;
using ForumManager.Features.Protocol;
using ForumManager.Features.Agenda;
using ForumManager.Features.Badges;
using ForumManager.Features.CheckIns;
using ForumManager.Features.Dashboard;
using ForumManager.Features.Delegates;
using ForumManager.Features.Editions;
using ForumManager.Features.Forums;
using ForumManager.Features.Imports;
using ForumManager.Features.Integrations;
using ForumManager.Features.Languages;
using ForumManager.Features.Instances;
using ForumManager.Features.Letters;
using ForumManager.Features.Logistics;
using ForumManager.Features.Notices;
using ForumManager.Features.Privacy;
using ForumManager.Features.Programme;
using ForumManager.Features.Webhooks;
using ForumManager.Features.Zones;
using ForumManager.Features.Registration;
using ForumManager.Features.Reports;
using ForumManager.Mail;
using ForumManager.Web.Pages.Agenda;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.WebEncoders;

namespace ForumManager.Web.Infrastructure;

public static class ForumServices
{
    public const string AuthRateLimit = "auth";

    public static readonly CultureInfo[] Cultures = [new("en"), new("zh-Hans")];

    /// <summary>The key that offers the pseudo-locale (qps-Ploc) outside Development, to tests; never in Production.</summary>
    public const string PseudoLocaleKey = "Localization:PseudoLocale";

    /// <summary>
    /// Whether the pseudo-locale is a UI culture (<c>?culture=qps-Ploc</c>, or the culture cookie): always in Development,
    /// in another environment but Production when <see cref="PseudoLocaleKey"/> is true.
    /// </summary>
    public static bool PseudoLocaleOffered(IHostEnvironment environment, IConfiguration configuration) =>
        environment.IsDevelopment() || (!environment.IsProduction() && configuration.GetValue<bool>(PseudoLocaleKey));

    public static WebApplicationBuilder AddForumServices(this WebApplicationBuilder builder, bool runBackgroundWork = true)
    {
        var services = builder.Services;
        services.AddOptions<ForumOptions>().BindConfiguration(ForumOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ProxyOptions>().BindConfiguration(ProxyOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ProxyOptions>, ProxyOptionsValidation>();
        services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(TimeProvider.System);

        builder.AddForumDatabase();
        services.AddForumIdentity();
        services.AddForumMail(runDispatcher: runBackgroundWork);
        services
            .AddForums()
            .AddLanguages()
            .AddClearance()
            .AddPrivacy()
            .AddAccounts()
            .AddRegistration()
            .AddDelegates()
            .AddImports()
            .AddProgramme()
            .AddAgenda()
            .AddCheckIns()
            .AddBadges()
            .AddZones()
            .AddLetters()
            .AddLogistics()
            .AddNotices()
            .AddAccreditation()
            .AddProtocolDocuments()
            .AddSeating()
            .AddMeetings()
            .AddDashboard()
            .AddReports()
            .AddApiTokens()
            .AddWebhooks(runDispatcher: runBackgroundWork)
            .AddEditions();
        services.AddHttpContextAccessor();
        services.AddScoped<WorkingEdition>();
        services.AddScoped<IChosenEdition>(sp => sp.GetRequiredService<WorkingEdition>());
        services.AddScoped<IdentityEmailSender>();
        services.AddScoped<IEmailSender<ForumUser>>(sp => sp.GetRequiredService<IdentityEmailSender>());
        services.AddScoped<Microsoft.AspNetCore.Identity.UI.Services.IEmailSender>(sp => sp.GetRequiredService<IdentityEmailSender>());
        services.AddOutputCache(o => o.AddPolicy(AgendaOutputCache.PolicyName, new AgendaOutputCache()));
        services.AddScoped<IProgrammeReleaseListener, AgendaOutputCacheEviction>();

        // Pages carry Chinese and other scripts as text, not as numeric character references.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        var pseudo = PseudoLocaleOffered(builder.Environment, builder.Configuration);
        if (pseudo)
        {
            // Every localizer reads through the pseudo-locale's decorator; the resources themselves stay en and zh-Hans.
            services.AddSingleton<Microsoft.Extensions.Localization.ResourceManagerStringLocalizerFactory>();
            services.AddSingleton<Microsoft.Extensions.Localization.IStringLocalizerFactory>(sp =>
                new Features.Text.PseudoLocalizerFactory(sp.GetRequiredService<Microsoft.Extensions.Localization.ResourceManagerStringLocalizerFactory>()));
        }

        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture("en");
            o.SupportedCultures = Cultures;
            // The pseudo-locale is a UI culture only: dates and numbers stay English, as data.
            o.SupportedUICultures = pseudo ? [.. Cultures, new CultureInfo(Features.Text.PseudoLocale.Name)] : Cultures;
            o.FallBackToParentCultures = true;
            o.FallBackToParentUICultures = true;
            o.RequestCultureProviders = pseudo
                ? [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()]
                : [new CookieRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
        });

        services.AddRazorPages(o =>
            {
                o.Conventions.Add(new FeatureRoutes());
                o.Conventions.AuthorizeFolder("/Admin", Policies.Organizer);
                o.Conventions.AuthorizeFolder("/Admin/Accounts", Policies.Admin);
                o.Conventions.AuthorizeFolder("/Admin/Api", Policies.Admin);
                o.Conventions.AuthorizeFolder("/Admin/Webhooks", Policies.Organizer); // private networks: admins only, in the feature
                o.Conventions.AuthorizeFolder("/CheckIns", Policies.Staff);
                o.Conventions.AuthorizeFolder("/Me", Policies.Delegate);
                o.Conventions.AuthorizeAreaFolder("Identity", "/Account/Manage");
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)))
            .AddMvcOptions(o =>
            {
                ModelBindingMessages.Localize(o.ModelBindingMessageProvider);
                o.ModelMetadataDetailsProviders.Add(new ImplicitRequiredMessages());
                o.ModelBinderProviders.Insert(0, new CheckboxBinderProvider());
            });
        services.Configure<RouteOptions>(o => o.LowercaseUrls = true);

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Admin, p => p.RequireRole(Roles.AtLeast(Roles.Admin)))
            .AddPolicy(Policies.Organizer, p => p.RequireRole(Roles.AtLeast(Roles.Organizer)))
            .AddPolicy(Policies.Staff, p => p.RequireRole(Roles.AtLeast(Roles.Staff)))
            .AddPolicy(Policies.Delegate, p => p.RequireRole(Roles.AtLeast(Roles.Delegate)));

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(AuthRateLimit, context =>
            {
                if (!HttpMethods.IsPost(context.Request.Method))
                {
                    return RateLimitPartition.GetNoLimiter(string.Empty);
                }

                var limit = context.RequestServices.GetRequiredService<IOptions<SecurityOptions>>().Value.AuthPostsPerMinute;
                var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                // With several instances the posts are counted in Redis, so that spreading them over the instances
                // does not multiply the limit.
                if (context.RequestServices.GetService<SharedRedis>() is { } redis)
                {
                    var clock = context.RequestServices.GetRequiredService<TimeProvider>();
                    return RateLimitPartition.Get(client, key => new SharedFixedWindowLimiter(redis, AuthRateLimit + ":" + key, limit, TimeSpan.FromMinutes(1), clock));
                }

                return RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limit,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                });
            });
        });

        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ProxyOptions>>((o, proxies) => TrustProxies(o, proxies.Value));
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));

        services.AddHealthChecks()
            .AddDbContextCheck<ForumDbContext>("database")
            .AddCheck<MailQueueHealthCheck>("mail")
            .AddCheck<DocumentsHealthCheck>("documents")
            .AddCheck<KeyRingHealthCheck>("key-ring")
            .AddCheck<RedisHealthCheck>("redis");
        services.AddForumRedis(builder.Configuration);
        services.AddForumApi(builder.Configuration);

        // Every HTTPS answer outside Development carries HSTS, whatever the host is called: the default list of hosts
        // left out (localhost and the loopback addresses) would leave a site reached through a tunnel or a local proxy
        // without it.
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.ExcludedHosts.Clear();
        });
        builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false);
        builder.Logging.CapLoggedValues();
        builder.AddForumTelemetry();

        return builder;
    }

    /// <summary>
    /// Behind a load balancer or TLS proxy, the client's address (for the rate limiter) and the scheme (for HTTPS
    /// redirection and secure cookies) come from X-Forwarded-* headers, but only from the proxies named in
    /// <c>Proxy:KnownProxies</c> (addresses) and <c>Proxy:KnownNetworks</c> (CIDR). Loopback, which the framework
    /// trusts by default, is not trusted unless named: otherwise anyone on the server itself could pick the address
    /// the sign-in rate limit counts by, with a made-up header on each post. With no proxy named, the headers are not
    /// read at all (the framework would believe them from anyone once both lists are empty).
    /// </summary>
    private static void TrustProxies(ForwardedHeadersOptions options, ProxyOptions proxies)
    {
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var address in proxies.Proxies)
        {
            options.KnownProxies.Add(address);
        }

        foreach (var network in proxies.Networks)
        {
            options.KnownIPNetworks.Add(network);
        }

        options.ForwardedHeaders = options.KnownProxies.Count + options.KnownIPNetworks.Count == 0
            ? ForwardedHeaders.None
            : ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
    }

    private static void AddForumDatabase(this WebApplicationBuilder builder)
    {
        var provider = builder.Configuration[$"{DatabaseOptions.Section}:Provider"] ?? "Sqlite";
        // SQL Server has no file to fall back on: without its connection string the app stops here, naming the key,
        // rather than quietly opening a SQLite file.
        if (provider == "SqlServer" && string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString("Forum")))
        {
            throw new InvalidOperationException("ConnectionStrings:Forum must be set when Database:Provider is SqlServer.");
        }

        var connectionString = builder.Configuration.GetConnectionString("Forum") ?? "Data Source=App_Data/forum.db";
        if (provider == "Sqlite")
        {
            connectionString = SqliteConnectionStrings.ResolveDataSource(connectionString, builder.Environment.ContentRootPath);
        }

        builder.Services.AddDbContext<ForumDbContext>((services, o) =>
        {
            o.AddInterceptors(services.GetRequiredService<ChangeSignals>());
            if (provider == "SqlServer")
            {
                o.UseForumSqlServer(connectionString);
            }
            else
            {
                o.UseForumSqlite(connectionString);
            }
        });

        builder.AddForumKeyRing();
    }

    private static void AddForumIdentity(this IServiceCollection services)
    {
        services.AddDefaultIdentity<ForumUser>(AccountRules.Apply)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<ForumDbContext>()
            .AddSignInManager<ForumSignInManager>()
            .AddErrorDescriber<LocalizedIdentityErrorDescriber>();
        services.AddSingleton<AccountSessions>();
        services.Configure<SecurityStampValidatorOptions>(o => o.OnRefreshingPrincipal = AccountSessions.KeepSessionAsync);

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "ForumManager.Auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.LoginPath = "/Identity/Account/Login";
            o.LogoutPath = "/Identity/Account/Logout";
            o.AccessDeniedPath = "/Identity/Account/AccessDenied";
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);

            // The cookie names a session kept in the database: signing out ends it for every copy of the cookie.
            AccountSessions.Watch(o.Events);

            // A signed-in person without the role gets 403 and the friendly status page, not a redirect.
            o.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
    }
}

public static class Policies
{
    public const string Admin = "AdminOnly";
    public const string Organizer = "OrganizerOrAbove";
    public const string Staff = "StaffOrAbove";
    public const string Delegate = "SignedInDelegate";
}
