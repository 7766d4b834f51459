using System.Text.Json;

namespace ForumManager.Core.Integrations;

/// <summary>
/// How the API and the webhooks name an enum's member: lowercase words joined by underscores (<c>approved</c>,
/// <c>programme_change</c>, <c>visa_letter_ready</c>), so a partner reads the same name in a payload as in a response.
/// </summary>
public static class ApiNames
{
    public static readonly JsonNamingPolicy Policy = JsonNamingPolicy.SnakeCaseLower;

    public static string Of<T>(T value) where T : struct, Enum => Policy.ConvertName(value.ToString());
}
