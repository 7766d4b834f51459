namespace ForumManager.Core.Directory;

/// <summary>A city abroad with a tie to Hunan. Shared across forum editions.</summary>
public sealed class PartnerCity
{
    public int Id { get; set; }
    public required string NameEn { get; set; }
    public required string NameZh { get; set; }

    /// <summary>The name in the city's own script and language (Kumamoto as 熊本市, Bhopal as भोपाल).</summary>
    public string? NameLocal { get; set; }

    /// <summary>ISO 3166-1 alpha-2 code of the city's country.</summary>
    public required string CountryCode { get; set; }

    public required string HunanPartnerEn { get; set; }
    public required string HunanPartnerZh { get; set; }
    public CityRelation Relation { get; set; }
    public int YearEstablished { get; set; }
}

public enum CityRelation
{
    SisterCity = 0,
    FriendlyPartnership = 1,
    TradePartnership = 2,
}
