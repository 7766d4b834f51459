using ForumManager.Core.Auditing;
using ForumManager.Core.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ForumManager.Data.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.Property(a => a.UserName).HaveLength(256);
        builder.Property(a => a.EntityType).HasMaxLength(64).IsUnicode(false);
        builder.Property(a => a.EntityId).HasMaxLength(64).IsUnicode(false);
        builder.Property(a => a.Action).HasMaxLength(64).IsUnicode(false);
        builder.HasIndex(a => new { a.EntityType, a.EntityId, a.AtUtc });
        builder.HasIndex(a => new { a.ForumId, a.AtUtc });
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.Property(m => m.ToAddress).HaveLength(256);
        builder.Property(m => m.ToName).HaveLength(256);
        builder.Property(m => m.Subject).HaveLength(500);
        builder.Property(m => m.Purpose).HasMaxLength(64).IsUnicode(false);
        builder.Property(m => m.MessageId).HasMaxLength(256).IsUnicode(false);
        builder.Property(m => m.ClaimedBy).HasMaxLength(64).IsUnicode(false);
        builder.Property(m => m.LastError).HaveLength(2000);
        builder.HasIndex(m => m.MessageId).IsUnique();

        // The dispatcher's query: due messages in order.
        builder.HasIndex(m => new { m.Status, m.NextAttemptUtc });
    }
}
