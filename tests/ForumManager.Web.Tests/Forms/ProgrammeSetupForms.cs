using ForumManager.Testing;

namespace ForumManager.Web.Tests;

/// <summary>The programme's set-up (/admin/programme/setup): three forms, for travel times between venues, rooms, and guests.</summary>
internal static class ProgrammeSetupForms
{
    public const string Url = "/admin/programme/setup";
    public const string TravelForm = "[data-testid=travel-form]";
    public const string RoomsForm = "[data-testid=rooms-form]";
    public const string GuestForm = "[data-testid=guest-form]";
    public const string GuestKind = "Guest.Kind";
    public const string GuestNameEn = "Guest.NameEn";
    public const string GuestNameZh = "Guest.NameZh";
    public const string GuestTitleEn = "Guest.TitleEn";

    /// <summary>The minutes it takes to go from venue <paramref name="from"/> to venue <paramref name="to"/>.</summary>
    public static string TravelMinutes(int from, int to) => $"Minutes[{from}-{to}]";

    public static string RoomCapacity(int room) => $"RoomFields[{room}.capacity]";

    public static string RoomOpens(int room) => $"RoomFields[{room}.opens]";

    public static string RoomCloses(int room) => $"RoomFields[{room}.closes]";

    /// <summary>Saves the travel times as the page shows them, with <paramref name="changes"/>.</summary>
    public static Task<HttpResponseMessage> SubmitTravelAsync(HttpClient client, IReadOnlyDictionary<string, string> changes) =>
        HtmlForms.SubmitAsync(client, Url, changes, TravelForm);

    /// <summary>Saves the rooms' seats and hours as the page shows them, with <paramref name="changes"/>.</summary>
    public static Task<HttpResponseMessage> SubmitRoomsAsync(HttpClient client, IReadOnlyDictionary<string, string> changes) =>
        HtmlForms.SubmitAsync(client, Url, changes, RoomsForm);

    /// <summary>Adds a guest (a speaker, a host, an interpreter) with <paramref name="values"/>.</summary>
    public static Task<HttpResponseMessage> SubmitGuestAsync(HttpClient client, IReadOnlyDictionary<string, string> values) =>
        HtmlForms.SubmitAsync(client, Url, values, GuestForm);
}
