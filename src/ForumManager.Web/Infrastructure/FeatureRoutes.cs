using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace ForumManager.Web.Infrastructure;

/// <summary>
/// A feature's pages sit in a folder named as the feature is everywhere else (Core, Features, the tests), while their
/// addresses stay the ones people, links in mails and printed QR codes already use.
/// </summary>
public sealed class FeatureRoutes : IPageRouteModelConvention
{
    /// <summary>The page folder → the path its pages are reached at.</summary>
    public static readonly IReadOnlyList<(string Folder, string Path)> Paths =
    [
        ("Registration", "Register"),
        ("CheckIns", "Checkin"),
        ("Admin/Imports", "Admin/Import"),
        ("Admin/Letters", "Admin/VisaLetters"),
        ("Admin/Accounts", "Admin/Users"),
        ("Admin/Logistics/Hotels", "Admin/Hotels"),
        ("Admin/Logistics/Transfers", "Admin/Transfers"),
        ("Admin/Accreditation", "Admin"),
        ("Admin/Protocol/Meetings", "Admin/Meetings"),
    ];

    public void Apply(PageRouteModel model)
    {
        foreach (var selector in model.Selectors)
        {
            if (selector.AttributeRouteModel?.Template is not { } template)
            {
                continue;
            }

            foreach (var (folder, path) in Paths)
            {
                if (template == folder || template.StartsWith(folder + "/", StringComparison.Ordinal))
                {
                    selector.AttributeRouteModel.Template = path + template[folder.Length..];
                    break;
                }
            }
        }
    }
}
