using ForumManager.Documents;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ForumManager.Features.Logistics;

public static class LogisticsFeature
{
    /// <summary>Travel, hotel rooms, rooming lists, airport transfers and their manifests.</summary>
    public static IServiceCollection AddLogistics(this IServiceCollection services)
    {
        services.TryAddSingleton<DocumentHealth>();
        return services
            .AddScoped<TravelForm>()
            .AddScoped<RoomAllocations>()
            .AddScoped<HotelBlocks>()
            .AddScoped<RoomingList>()
            .AddScoped<TransferPlanning>()
            .AddScoped<TransportFleet>()
            .AddScoped<Manifest>();
    }
}
