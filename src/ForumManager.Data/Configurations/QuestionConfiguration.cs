using ForumManager.Core.Forums;
using ForumManager.Core.Imports;
using ForumManager.Core.Registration;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Delegate = ForumManager.Core.Delegates.Delegate;

namespace ForumManager.Data.Configurations;

internal sealed class QuestionConfiguration : IEntityTypeConfiguration<Question>
{
    public void Configure(EntityTypeBuilder<Question> builder)
    {
        builder.Property(q => q.TextEn).HaveLength(500);
        builder.Property(q => q.TextZh).HaveLength(500);
        builder.Ignore(q => q.HasChoices);
        builder.HasOne<Forum>().WithMany().HasForeignKey(q => q.ForumId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(q => q.Choices).WithOne().HasForeignKey(c => c.QuestionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(q => new { q.ForumId, q.Position });
    }
}

internal sealed class QuestionChoiceConfiguration : IEntityTypeConfiguration<QuestionChoice>
{
    public void Configure(EntityTypeBuilder<QuestionChoice> builder)
    {
        builder.Property(c => c.TextEn).HaveLength(200);
        builder.Property(c => c.TextZh).HaveLength(200);
    }
}

internal sealed class DelegateAnswerConfiguration : IEntityTypeConfiguration<DelegateAnswer>
{
    public void Configure(EntityTypeBuilder<DelegateAnswer> builder)
    {
        builder.Property(a => a.Text).HaveLength(1000);
        builder.HasOne<Delegate>().WithMany(d => d.Answers).HasForeignKey(a => a.DelegateId).OnDelete(DeleteBehavior.Cascade);

        // SQL Server refuses two cascade paths to one row, so a question's answers go with the delegate or by hand.
        builder.HasOne(a => a.Question).WithMany().HasForeignKey(a => a.QuestionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.Choice).WithMany().HasForeignKey(a => a.ChoiceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.DelegateId, a.QuestionId, a.ChoiceId }).IsUnique();
        builder.HasIndex(a => new { a.QuestionId, a.ChoiceId });
        builder.ToTable(t => t.HasCheckConstraint("CK_DelegateAnswers_OneValue", "(Text IS NULL AND ChoiceId IS NOT NULL) OR (Text IS NOT NULL AND ChoiceId IS NULL)"));
    }
}

internal sealed class PendingImportConfiguration : IEntityTypeConfiguration<PendingImport>
{
    public void Configure(EntityTypeBuilder<PendingImport> builder)
    {
        builder.Property(p => p.FileName).HaveLength(260);
        builder.Property(p => p.CreatedBy).HaveLength(256);
        builder.HasOne<Forum>().WithMany().HasForeignKey(p => p.ForumId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => p.CreatedUtc);
    }
}
