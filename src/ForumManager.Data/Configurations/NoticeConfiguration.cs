using ForumManager.Core.Forums;
using ForumManager.Core.Mail;
using ForumManager.Core.Notices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Delegate = ForumManager.Core.Delegates.Delegate;

namespace ForumManager.Data.Configurations;

internal sealed class NoticeTemplateConfiguration : IEntityTypeConfiguration<NoticeTemplate>
{
    public void Configure(EntityTypeBuilder<NoticeTemplate> builder)
    {
        builder.Property(t => t.Language).HasMaxLength(16).IsUnicode(false);
        builder.Property(t => t.Subject).HaveLength(1000);
        builder.Property(t => t.Body).HaveLength(20000);
        builder.Property(t => t.UpdatedBy).HaveLength(256);
        builder.Property(t => t.Failure).HaveLength(1000);
        builder.HasOne<Forum>().WithMany().HasForeignKey(t => t.ForumId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(t => new { t.ForumId, t.Kind, t.Language }).IsUnique();
    }
}

internal sealed class NoticeBatchConfiguration : IEntityTypeConfiguration<NoticeBatch>
{
    public void Configure(EntityTypeBuilder<NoticeBatch> builder)
    {
        builder.Property(b => b.CreatedBy).HaveLength(256);
        builder.Property(b => b.SubjectEn).HaveLength(1000);
        builder.Property(b => b.SubjectZh).HaveLength(1000);
        builder.Property(b => b.BodyEn).HaveLength(20000);
        builder.Property(b => b.BodyZh).HaveLength(20000);
        builder.Property(b => b.Audience).HaveLength(1000);
        builder.Property(b => b.CancelledBy).HaveLength(256);
        builder.HasOne<Forum>().WithMany().HasForeignKey(b => b.ForumId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(b => b.Recipients).WithOne().HasForeignKey(r => r.BatchId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(b => new { b.ForumId, b.CreatedUtc });
        builder.HasIndex(b => new { b.ForumId, b.ReminderFor }).IsUnique().HasFilter("ReminderFor IS NOT NULL");
    }
}

internal sealed class NoticeRecipientConfiguration : IEntityTypeConfiguration<NoticeRecipient>
{
    public void Configure(EntityTypeBuilder<NoticeRecipient> builder)
    {
        builder.HasOne<Delegate>().WithMany().HasForeignKey(r => r.DelegateId).OnDelete(DeleteBehavior.NoAction);
        builder.Property(r => r.Error).HaveLength(1000);
        builder.HasOne<OutboxMessage>().WithMany().HasForeignKey(r => r.OutboxMessageId).OnDelete(DeleteBehavior.SetNull);

        // One message per person and batch; the rows still waiting for one are the batch's unfinished work.
        builder.HasIndex(r => new { r.BatchId, r.DelegateId }).IsUnique();
        builder.HasIndex(r => new { r.BatchId, r.OutboxMessageId });
    }
}
