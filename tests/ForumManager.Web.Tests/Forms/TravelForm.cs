using System.Globalization;
using ForumManager.Testing;

namespace ForumManager.Web.Tests;

/// <summary>A delegate's travel (/me/travel): how they arrive and leave, and the hotel room they ask for.</summary>
internal static class TravelForm
{
    public const string Url = "/me/travel";
    public const string Selector = "[data-testid=travel-form]";
    public const string ArrivalMode = "Travel.Arrival.Mode";
    public const string ArrivalNumber = "Travel.Arrival.Number";
    public const string ArrivalHubId = "Travel.Arrival.HubId";
    public const string ArrivalDate = "Travel.Arrival.Date";
    public const string ArrivalTime = "Travel.Arrival.Time";
    public const string ArrivalTerminal = "Travel.Arrival.Terminal";
    public const string DepartureMode = "Travel.Departure.Mode";
    public const string DepartureNumber = "Travel.Departure.Number";
    public const string DepartureHubId = "Travel.Departure.HubId";
    public const string DepartureDate = "Travel.Departure.Date";
    public const string DepartureTime = "Travel.Departure.Time";
    public const string StayNeeded = "Travel.Stay.Needed";
    public const string StayCheckIn = "Travel.Stay.CheckIn";
    public const string StayCheckOut = "Travel.Stay.CheckOut";
    public const string StayType = "Travel.Stay.Type";
    public const string StaySharing = "Travel.Stay.Sharing";

    /// <summary>An arrival by flight <paramref name="number"/> at <paramref name="hub"/>, terminal T2, on a day at a time in forum time.</summary>
    public static Dictionary<string, string> Arrival(int hub, string number, string date, string time) => new()
    {
        [ArrivalMode] = "Flight", [ArrivalNumber] = number, [ArrivalHubId] = hub.ToString(CultureInfo.InvariantCulture),
        [ArrivalDate] = date, [ArrivalTime] = time, [ArrivalTerminal] = "T2",
    };

    public static Task<HttpResponseMessage> SubmitAsync(HttpClient client, IReadOnlyDictionary<string, string> values) =>
        HtmlForms.SubmitAsync(client, Url, values, Selector);
}
