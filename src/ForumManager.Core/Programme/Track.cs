namespace ForumManager.Core.Programme;

public sealed class Track
{
    public int Id { get; set; }
    public int ForumId { get; set; }
    public required string NameEn { get; set; }
    public required string NameZh { get; set; }

    /// <summary>CSS colour such as <c>#1f6f8b</c>, used on the agenda.</summary>
    public string Color { get; set; } = "#1f6f8b";
}
