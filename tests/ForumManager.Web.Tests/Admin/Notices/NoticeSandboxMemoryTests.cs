using System.Globalization;
using ForumManager.Features.Notices;

namespace ForumManager.Web.Tests.Admin.Notices;

/// <summary>Runs alone, so that the memory the process allocates meanwhile is the template's.</summary>
[CollectionDefinition(nameof(AllocationCollection), DisableParallelization = true)]
public sealed class AllocationCollection;

/// <summary>What filling in one template may hold at once is bounded in all, not only value by value.</summary>
[Collection(nameof(AllocationCollection))]
public sealed class NoticeSandboxMemoryTests
{
    /// <summary>
    /// A template within the 20,000-character limit whose every variable is within the 256 KB limit, but which keeps
    /// <paramref name="count"/> different texts of 260,840 characters alive at once (the outside attack test's).
    /// </summary>
    public static string ManyLargeTexts(int count) =>
        "{%assign s=\"xxxxxxxxxx\"%}{%for i in (1..14)%}{%assign s=s|append:s%}{%endfor%}{%assign t=s|slice:0,97000%}{%assign b=s|append:t%}"
        + string.Concat(Enumerable.Range(0, count).Select(i => string.Create(CultureInfo.InvariantCulture, $"{{%assign a{i}=b|append:{i}%}}")))
        + "{{b|size}}";

    [Fact]
    public async Task Should_stop_a_template_holding_hundreds_of_large_texts_before_it_allocates_more_than_a_few_megabytes()
    {
        var model = new Dictionary<string, object?>();
        var template = ManyLargeTexts(700);
        Assert.True(template.Length < NoticeSandbox.MaxSourceChars);
        await NoticeSandbox.RenderAsync("{% assign a = 'x' | append: 'y' %}{{ a }}", model, CancellationToken.None);

        var before = GC.GetTotalAllocatedBytes(precise: true);
        var stop = await Assert.ThrowsAsync<NoticeTemplateException>(() => NoticeSandbox.RenderAsync(template, model, CancellationToken.None));
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        Assert.Equal(TemplateStop.Held, stop.Stop);
        Assert.True(allocated < 32L * 1024 * 1024, $"{allocated / 1024 / 1024} MB allocated");
    }

    [Fact]
    public async Task Should_fill_in_a_template_that_reuses_its_variables_for_large_texts_one_after_another()
    {
        var model = new Dictionary<string, object?>();

        // The same variables, set again and again: what was held is given back each time.
        var text = await NoticeSandbox.RenderAsync(
            "{% assign s = 'xxxxxxxxxx' %}{% for i in (1..14) %}{% assign s = s | append: s %}{% endfor %}"
            + "{% for i in (1..200) %}{% assign a = s | append: i %}{% capture c %}{{ a | size }}{% endcapture %}{% endfor %}{{ a | size }} {{ c }}",
            model, CancellationToken.None);

        Assert.Equal("163843 163843", text);
    }
}
