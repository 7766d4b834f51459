using System.Text.Json;

namespace ForumManager.Testing;

/// <summary>Reads a server-sent event stream (the live figures) as a browser's EventSource would.</summary>
public static class EventStreams
{
    /// <summary>The data of the next event on the stream, as JSON.</summary>
    public static async Task<JsonElement> NextAsync(StreamReader reader)
    {
        string? line;
        while ((line = await reader.ReadLineAsync()) is not null)
        {
            if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                return JsonDocument.Parse(line["data: ".Length..]).RootElement;
            }
        }

        throw new EndOfStreamException("The event stream ended.");
    }
}
