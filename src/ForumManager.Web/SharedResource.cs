using System.Globalization;
using System.Resources;

namespace ForumManager.Web;

/// <summary>The one resource every UI string comes from (Resources/SharedResource.*.resx).</summary>
public sealed class SharedResource
{
    /// <summary>For the few places that format text outside dependency injection (model binding messages).</summary>
    public static ResourceManager Manager { get; } = new("ForumManager.Web.Resources.SharedResource", typeof(SharedResource).Assembly);

    public static string Get(string key) => Manager.GetString(key, CultureInfo.CurrentUICulture) ?? key;
}
