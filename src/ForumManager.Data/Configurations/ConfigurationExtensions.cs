using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ForumManager.Data.Configurations;

internal static class ConfigurationExtensions
{
    /// <summary>A text column of at most <paramref name="maxLength"/> characters, Unicode on every provider.</summary>
    public static PropertyBuilder<T> HaveLength<T>(this PropertyBuilder<T> property, int maxLength) =>
        property.HasMaxLength(maxLength).IsUnicode();
}
