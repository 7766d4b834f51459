using ForumManager.Core.Delegates;

namespace ForumManager.Documents.Badges;

public enum BadgeLayout
{
    /// <summary>A6 portrait, 105 × 148 mm, for a lanyard pouch.</summary>
    A6 = 0,

    /// <summary>A card of ID-1 (CR80) size, 54 × 85.6 mm, portrait.</summary>
    CR80 = 1,

    /// <summary>An A4 sheet holding four A6 badges, with crop marks, for office printers.</summary>
    A4 = 2,
}

/// <summary>What one badge shows. Texts arrive ready to print; the document decides only how they look.</summary>
public sealed record BadgeData
{
    /// <summary>Whose badge this is, for the print log; 0 for a sample.</summary>
    public int DelegateId { get; init; }

    public required string ForumNameEn { get; init; }
    public required string ForumNameZh { get; init; }
    public required string ForumMark { get; init; }

    /// <summary>The name in the delegate's own script; null when it is the Latin name.</summary>
    public string? NativeName { get; init; }

    /// <summary>BCP 47 language of the native name, which picks the CJK typeface.</summary>
    public string? NativeLanguage { get; init; }

    public required string LatinName { get; init; }
    public string? HonorificAndPosition { get; init; }
    public string? Organization { get; init; }
    public string? Delegation { get; init; }
    public required DelegateCategory Category { get; init; }

    /// <summary>Days and zones the badge admits to, one short line.</summary>
    public required string Admits { get; init; }

    /// <summary>The zones the badge opens, printed as their codes in large boxes with a legend; none prints the days alone.</summary>
    public IReadOnlyList<BadgeZoneMark> Zones { get; init; } = [];

    /// <summary>The check-in token the QR code carries.</summary>
    public required string Token { get; init; }

    /// <summary>The delegate's readable reference (HISCF2010-00221), in small print; null on a sample.</summary>
    public string? Reference { get; init; }

    /// <summary>The approved photo (a 3:4 JPEG without metadata), printed beside the names; null prints the badge without one.</summary>
    public byte[]? Photo { get; init; }
}

/// <summary>A zone as a badge prints it: its code (one or two letters) in a box, its names in the legend.</summary>
public sealed record BadgeZoneMark(string Code, string NameEn, string NameZh);

/// <summary>The colour and the words of each category's band. The word is printed as well, never the colour alone.</summary>
public static class BadgeCategories
{
    public static (uint Argb, string En, string Zh) Of(DelegateCategory category) => category switch
    {
        DelegateCategory.Vip => (0xFF8B0000, "VIP", "贵宾"),
        DelegateCategory.HeadOfDelegation => (0xFF5B2C83, "HEAD OF DELEGATION", "团长"),
        DelegateCategory.Delegate => (0xFF0B4F8A, "DELEGATE", "代表"),
        DelegateCategory.Speaker => (0xFF1B6B3A, "SPEAKER", "演讲嘉宾"),
        DelegateCategory.Press => (0xFFB34700, "PRESS", "媒体"),
        DelegateCategory.Staff => (0xFF4A4A4A, "STAFF", "工作人员"),
        DelegateCategory.Organizer => (0xFF006D6F, "ORGANIZER", "组委会"),
        DelegateCategory.Accompanying => (0xFF6B4E16, "ACCOMPANYING", "随行人员"),
        _ => (0xFF333333, category.ToString().ToUpperInvariant(), category.ToString()),
    };
}
