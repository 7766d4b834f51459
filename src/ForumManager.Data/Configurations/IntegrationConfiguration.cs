using ForumManager.Core.Forums;
using ForumManager.Core.Integrations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ForumManager.Data.Configurations;

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> builder)
    {
        builder.Property(t => t.Name).HaveLength(120);
        builder.Property(t => t.Note).HaveLength(1000);
        builder.Property(t => t.Scopes).HasMaxLength(400).IsUnicode(false);
        builder.Property(t => t.Prefix).HasMaxLength(16).IsUnicode(false);
        builder.Property(t => t.SecretHash).HasMaxLength(64).IsUnicode(false);
        builder.Property(t => t.CreatedByUserId).HasMaxLength(450);
        builder.Property(t => t.CreatedByName).HaveLength(256);
        builder.Property(t => t.RevokedByName).HaveLength(256);
        builder.Property(t => t.LastUsedAddress).HasMaxLength(64).IsUnicode(false);
        builder.Ignore(t => t.ScopeList);
        builder.HasOne<Forum>().WithMany().HasForeignKey(t => t.ForumId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(t => t.Prefix).IsUnique();
        builder.HasIndex(t => t.ForumId);
    }
}

internal sealed class ApiTokenUseConfiguration : IEntityTypeConfiguration<ApiTokenUse>
{
    public void Configure(EntityTypeBuilder<ApiTokenUse> builder)
    {
        builder.Property(u => u.Address).HasMaxLength(64).IsUnicode(false);
        builder.Property(u => u.Method).HasMaxLength(10).IsUnicode(false);
        builder.Property(u => u.Path).HaveLength(400);
        builder.HasOne<ApiToken>().WithMany().HasForeignKey(u => u.TokenId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(u => new { u.TokenId, u.AtUtc });
    }
}

internal sealed class WebhookEndpointConfiguration : IEntityTypeConfiguration<WebhookEndpoint>
{
    public void Configure(EntityTypeBuilder<WebhookEndpoint> builder)
    {
        builder.Property(e => e.Url).HaveLength(2000);
        builder.Property(e => e.Description).HaveLength(400);
        builder.Property(e => e.Events).HasMaxLength(1000).IsUnicode(false);
        builder.Property(e => e.SecretProtected).IsUnicode(false);
        builder.Property(e => e.DisabledReason).HaveLength(1000);
        builder.Property(e => e.CreatedByUserId).HasMaxLength(450);
        builder.Property(e => e.CreatedByName).HaveLength(256);
        builder.Ignore(e => e.EventList);
        builder.HasOne<Forum>().WithMany().HasForeignKey(e => e.ForumId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => new { e.ForumId, e.Enabled });
    }
}

internal sealed class WebhookEventConfiguration : IEntityTypeConfiguration<WebhookEvent>
{
    public void Configure(EntityTypeBuilder<WebhookEvent> builder)
    {
        builder.Property(e => e.Type).HasMaxLength(40).IsUnicode(false);
        builder.Property(e => e.Data).IsUnicode();
        builder.HasOne<Forum>().WithMany().HasForeignKey(e => e.ForumId).OnDelete(DeleteBehavior.Cascade);

        // The fan-out's query: events not yet fanned out, oldest first.
        builder.HasIndex(e => new { e.FannedOutUtc, e.Id });
    }
}

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> builder)
    {
        builder.Property(d => d.MessageId).HasMaxLength(40).IsUnicode(false);
        builder.Property(d => d.EventType).HasMaxLength(40).IsUnicode(false);
        builder.Property(d => d.Payload).IsUnicode();
        builder.Property(d => d.ClaimedBy).HasMaxLength(64).IsUnicode(false);
        builder.Property(d => d.LastResponseExcerpt).HaveLength(1000);
        builder.Property(d => d.LastError).HaveLength(1000);
        builder.HasOne<WebhookEndpoint>().WithMany().HasForeignKey(d => d.EndpointId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<WebhookEvent>().WithMany().HasForeignKey(d => d.EventId).OnDelete(DeleteBehavior.NoAction);

        // One delivery of an event to an endpoint, however many instances fan it out.
        builder.HasIndex(d => new { d.EventId, d.EndpointId }).IsUnique();
        builder.HasIndex(d => d.MessageId).IsUnique();
        builder.HasIndex(d => new { d.State, d.NextAttemptUtc });
        builder.HasIndex(d => new { d.EndpointId, d.Id });
    }
}

internal sealed class WebhookAttemptConfiguration : IEntityTypeConfiguration<WebhookAttempt>
{
    public void Configure(EntityTypeBuilder<WebhookAttempt> builder)
    {
        builder.Property(a => a.ResponseExcerpt).HaveLength(1000);
        builder.Property(a => a.Error).HaveLength(1000);
        builder.HasOne<WebhookDelivery>().WithMany().HasForeignKey(a => a.DeliveryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.DeliveryId, a.Id });
    }
}

internal sealed class ChangeCounterConfiguration : IEntityTypeConfiguration<ChangeCounter>
{
    public void Configure(EntityTypeBuilder<ChangeCounter> builder)
    {
        builder.HasKey(c => c.Name);
        builder.Property(c => c.Name).HasMaxLength(40).IsUnicode(false);
        builder.HasData(new ChangeCounter { Name = ForumDbContext.DelegateChanges, Value = 0 });
    }
}
