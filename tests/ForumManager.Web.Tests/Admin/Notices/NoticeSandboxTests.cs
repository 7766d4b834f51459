using System.Diagnostics;
using System.Net;
using ForumManager.Core.Accounts;
using ForumManager.Core.Delegates;
using ForumManager.Core.Notices;
using ForumManager.Testing;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace ForumManager.Web.Tests.Admin.Notices;

public sealed class NoticeSandboxAppFixture : ForumAppFactory;

/// <summary>
/// Organizers' templates are sandboxed: a template that reads a file or runs away is refused at its field when it is
/// saved or previewed, and one that reaches the database anyway never fails a registration or a decision.
/// </summary>
public sealed class NoticeSandboxTests(NoticeSandboxAppFixture app) : IClassFixture<NoticeSandboxAppFixture>
{
    private const string Template = "[data-testid=template-form]";

    private static string Url(NoticeKind kind, string language) => $"/admin/notices/template?kind={kind}&language={language}";

    private static async Task<(HttpStatusCode Status, string Subject, string Body, TimeSpan Took)> PostAsync(HttpClient organizer, string url, string body,
        string button, string subject = "News")
    {
        var watch = Stopwatch.StartNew();
        var response = await HtmlForms.SubmitAsync(organizer, url, new Dictionary<string, string> { ["Subject"] = subject, ["Body"] = body }, Template,
            button: $"[data-testid={button}]");
        watch.Stop();
        var page = await HtmlForms.ParseAsync(response);
        return (response.StatusCode, page.QuerySelector("[data-testid=subject-error]")?.TextContent.Trim() ?? "",
            page.QuerySelector("[data-testid=body-error]")?.TextContent.Trim() ?? "", watch.Elapsed);
    }

    private static async Task<HttpClient> OrganizerAsync(ForumAppFactory app, string? language = null)
    {
        var organizer = await Clients.SignedInAsync(app, Roles.Organizer);
        if (language is not null)
        {
            organizer.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        }

        return organizer;
    }

    [Fact]
    public async Task Should_refuse_an_include_or_a_render_with_its_line_in_the_organizers_language()
    {
        var english = await OrganizerAsync(app);
        var chinese = await OrganizerAsync(app, "zh-Hans");

        var include = await PostAsync(english, Url(NoticeKind.Badge, "en"), "Dear {{ delegate.name }},\n\n{% include 'footer' %}", "save-template");
        var render = await PostAsync(chinese, Url(NoticeKind.Badge, "zh-Hans"), "尊敬的{{ delegate.name }}：\n{%- render 'footer' -%}", "save-template");

        Assert.Equal(HttpStatusCode.OK, include.Status);
        Assert.Equal("Line 3: {% include %} cannot be used in a notice: a notice may not read other files.", include.Body);
        Assert.Equal(HttpStatusCode.OK, render.Status);
        Assert.Equal("第2行：通知中不能使用 {% render %}：通知不能读取其他文件。", render.Body);
        Assert.False(await app.WithDbAsync(db => db.NoticeTemplates.AnyAsync(t => t.Kind == NoticeKind.Badge)));
    }

    [Fact]
    public async Task Should_refuse_at_save_within_seconds_a_template_that_loops_twenty_million_times_or_builds_a_huge_string()
    {
        var organizer = await OrganizerAsync(app);
        var url = Url(NoticeKind.VisaLetterReady, "en");

        var loop = await PostAsync(organizer, url, "{% for i in (1..20000000) %}x{% endfor %}", "save-template");
        var nested = await PostAsync(organizer, url, "{% for i in (1..5000) %}{% for j in (1..5000) %}{{ j }}{% endfor %}{% endfor %}", "save-template");
        var doubling = await PostAsync(organizer, url, "{% assign s = 'x' %}{% for i in (1..30) %}{% assign s = s | append: s %}{% endfor %}{{ s }}", "save-template");
        var captured = await PostAsync(organizer, url, "{% assign s = 'x' %}{% for i in (1..30) %}{% capture s %}{{ s }}{{ s }}{% endcapture %}{% endfor %}", "save-template");
        var replaced = await PostAsync(organizer, url,
            "{% assign s = 'x' %}{% for i in (1..17) %}{% assign s = s | append: s %}{% endfor %}{{ s | replace: 'x', s }}", "save-template");
        var subject = await PostAsync(organizer, url, "Dear {{ delegate.name }}", "save-template", subject: "{% for i in (1..20000000) %}x{% endfor %}");

        Assert.All(new[] { loop, nested, doubling, captured, replaced, subject }, r =>
        {
            Assert.Equal(HttpStatusCode.OK, r.Status);
            Assert.True(r.Took < TimeSpan.FromSeconds(3), $"refused after {r.Took.TotalSeconds:0.0} s");
        });
        Assert.Equal("The template builds a list of more than 10,000 items.", loop.Body);
        Assert.Equal("The template runs more than 10,000 steps (each tag, placeholder and turn of a loop is one); make its loops shorter.", nested.Body);
        Assert.Equal("The template writes or builds more than 256 KB of text; a notice must be shorter.", doubling.Body);
        Assert.Equal(doubling.Body, captured.Body);
        Assert.Equal(doubling.Body, replaced.Body);
        Assert.Equal(("The template builds a list of more than 10,000 items.", ""), (subject.Subject, subject.Body));
        Assert.False(await app.WithDbAsync(db => db.NoticeTemplates.AnyAsync(t => t.Kind == NoticeKind.VisaLetterReady)));
    }

    [Fact]
    public async Task Should_refuse_tags_nested_hundreds_deep_or_thousands_of_filters_at_their_line_and_stay_up()
    {
        var organizer = await OrganizerAsync(app);
        var deep = "Dear {{ delegate.name }},\n" + string.Concat(Enumerable.Repeat("{%if true%}", 600)) + "x" + string.Concat(Enumerable.Repeat("{%endif%}", 600));

        var saved = await PostAsync(organizer, Url(NoticeKind.Rejected, "en"), deep, "save-template");
        var previewed = await PostAsync(organizer, Url(NoticeKind.Rejected, "en"), deep, "preview");

        var thousands = string.Concat(Enumerable.Repeat("{%if true%}", 5000)) + "x" + string.Concat(Enumerable.Repeat("{%endif%}", 5000));
        var tooLong = await PostAsync(organizer, Url(NoticeKind.Rejected, "en"), thousands, "save-template");
        var chain = await PostAsync(organizer, Url(NoticeKind.Rejected, "en"), "Dear\n{{a" + string.Concat(Enumerable.Repeat("|a", 9990)) + "}}", "save-template");

        Assert.Equal((HttpStatusCode.OK, "Line 2: tags are nested more than 50 deep."), (saved.Status, saved.Body));
        Assert.Equal(saved.Body, previewed.Body);
        Assert.Equal(HttpStatusCode.OK, tooLong.Status);
        Assert.Contains("20000", tooLong.Body, StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.OK, "Line 2: a tag or placeholder is longer than 1,000 characters."), (chain.Status, chain.Body));
        Assert.Equal(HttpStatusCode.OK, (await organizer.GetAsync("/admin/notices")).StatusCode);
        Assert.False(await app.WithDbAsync(db => db.NoticeTemplates.AnyAsync(t => t.Kind == NoticeKind.Rejected)));
    }

    [Fact]
    public async Task Should_count_nesting_past_end_tags_that_sit_in_raw_or_comment_blocks_or_in_strings()
    {
        var organizer = await OrganizerAsync(app);
        string Deep(int levels) => string.Concat(Enumerable.Repeat("{%if 1%}", levels)) + "DEEPX" + string.Concat(Enumerable.Repeat("{%endif%}", levels));
        var decoys = string.Concat(Enumerable.Repeat("{%endif%}", 762));

        // The attack's own template: 760 real levels behind 762 end tags that the parser reads as raw text.
        var raw = await PostAsync(organizer, Url(NoticeKind.Badge, "en"), "{%raw%}" + decoys + "{%endraw%}" + Deep(760), "save-template");
        var comment = await PostAsync(organizer, Url(NoticeKind.Badge, "en"), "{% comment %}" + decoys + "{% endcomment %}" + Deep(60), "save-template");
        var inline = await PostAsync(organizer, Url(NoticeKind.Badge, "en"), string.Concat(Enumerable.Repeat("{% # {%endif%}", 70)) + Deep(60), "save-template");
        var strings = await PostAsync(organizer, Url(NoticeKind.Badge, "en"),
            "{{ \"%}{%endif%}\" }}{% assign a = '%}{%endif%}{%endif%}' %}{{ \"\\\"{%endif%}\" }}" + Deep(52), "save-template");

        Assert.All(new[] { raw, comment, inline, strings }, r => Assert.Equal((HttpStatusCode.OK, "Line 1: tags are nested more than 50 deep."), (r.Status, r.Body)));
        Assert.False(await app.WithDbAsync(db => db.NoticeTemplates.AnyAsync(t => t.Kind == NoticeKind.Badge)));
    }

    [Fact]
    public async Task Should_measure_a_tag_past_a_closing_brace_pair_inside_a_string_and_refuse_the_liquid_tag()
    {
        var organizer = await OrganizerAsync(app);

        var chain = await PostAsync(organizer, Url(NoticeKind.Badge, "zh-Hans"),
            "尊敬的代表：\n{{ delegate.name | default: \"}}\"" + string.Concat(Enumerable.Repeat(" | upcase", 300)) + " }}", "save-template");
        // Without the liquid tag's own mode, "{% liquid if true %}x{% endif %} %}" is an if inside a liquid tag, which no
        // count of "{% if" sees.
        var liquid = await PostAsync(organizer, Url(NoticeKind.Badge, "zh-Hans"),
            string.Concat(Enumerable.Repeat("{% liquid if true %}", 60)) + "x" + string.Concat(Enumerable.Repeat("{% endif %} %}", 60)), "save-template");

        Assert.Equal((HttpStatusCode.OK, "Line 2: a tag or placeholder is longer than 1,000 characters."), (chain.Status, chain.Body));
        Assert.Equal(HttpStatusCode.OK, liquid.Status);
        Assert.StartsWith("Line 1: ", liquid.Body, StringComparison.Ordinal);
        Assert.Contains("liquid", liquid.Body, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.NoticeTemplates.AnyAsync(t => t.Kind == NoticeKind.Badge)));
    }

    [Fact]
    public async Task Should_refuse_within_seconds_a_template_that_holds_hundreds_of_large_texts_at_once_in_the_organizers_language()
    {
        var english = await OrganizerAsync(app);
        var chinese = await OrganizerAsync(app, "zh-Hans");
        var template = NoticeSandboxMemoryTests.ManyLargeTexts(700);

        var saved = await PostAsync(english, Url(NoticeKind.VisaLetterReady, "en"), template, "save-template");
        var previewed = await PostAsync(chinese, Url(NoticeKind.VisaLetterReady, "zh-Hans"), template, "preview");

        Assert.Equal((HttpStatusCode.OK, "The template holds more than 1,024 KB of text at once (its variables and what it writes, together); a notice must hold less."),
            (saved.Status, saved.Body));
        Assert.Equal((HttpStatusCode.OK, "模板同时保存的文字（各变量与写出的内容合计）超过 1,024 KB，通知须更短。"), (previewed.Status, previewed.Body));
        Assert.All(new[] { saved, previewed }, r => Assert.True(r.Took < TimeSpan.FromSeconds(8), $"refused after {r.Took.TotalSeconds:0.0} s"));
        Assert.False(await app.WithDbAsync(db => db.NoticeTemplates.AnyAsync(t => t.Kind == NoticeKind.VisaLetterReady)));
    }

    [Fact]
    public async Task Should_stop_a_template_that_runs_past_the_time_limit()
    {
        var organizer = await OrganizerAsync(app);
        // Every step copies a 256 KB text a hundred times over: far more than two seconds of work, in few steps.
        var copies = "{% assign t = s" + string.Concat(Enumerable.Repeat(" | upcase | downcase", 45)) + " %}";
        var slow = "{% assign s = 'x' %}{% for i in (1..18) %}{% assign s = s | append: s %}{% endfor %}"
            + "{% for i in (1..4000) %}" + copies + "{% endfor %}done";

        var refused = await PostAsync(organizer, Url(NoticeKind.Cancelled, "en"), slow, "save-template");

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Equal("The template takes more than 2 seconds to fill in.", refused.Body);
        Assert.True(refused.Took < TimeSpan.FromSeconds(8), $"refused after {refused.Took.TotalSeconds:0.0} s");
        Assert.False(await app.WithDbAsync(db => db.NoticeTemplates.AnyAsync(t => t.Kind == NoticeKind.Cancelled)));
    }

    [Fact]
    public async Task Should_answer_the_preview_of_an_include_or_a_runaway_template_with_a_message_at_the_field()
    {
        var organizer = await OrganizerAsync(app);
        var url = Url(NoticeKind.Promoted, "en");

        var include = await PostAsync(organizer, url, "{% include 'footer' %}", "preview");
        var runaway = await PostAsync(organizer, url, "{% assign n = 20000000 %}{% for i in (1..n) %}x{% endfor %}", "preview");
        var zero = await PostAsync(organizer, url, "{{ 1 | divided_by: 0 }}", "preview");
        var unknown = await PostAsync(organizer, url, "Hello\n{{ 'x' | format_string: 'y' }}", "preview");

        Assert.Equal((HttpStatusCode.OK, "Line 1: {% include %} cannot be used in a notice: a notice may not read other files."), (include.Status, include.Body));
        Assert.Equal((HttpStatusCode.OK, "The template builds a list of more than 10,000 items."), (runaway.Status, runaway.Body));
        Assert.Equal(HttpStatusCode.OK, zero.Status);
        Assert.StartsWith("The template cannot be filled in: ", zero.Body, StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.OK, "Line 2: notices have no filter called format_string."), (unknown.Status, unknown.Body));
    }

    [Fact]
    public async Task Should_refuse_a_notice_to_many_whose_Chinese_text_runs_away_at_that_field_and_send_nothing()
    {
        var organizer = await OrganizerAsync(app);
        var batches = await app.WithDbAsync(db => db.NoticeBatches.CountAsync());

        var response = await NoticeSendForm.SendAsync(organizer, new Dictionary<string, string>
        {
            [NoticeSendForm.Status] = "", [NoticeSendForm.Kind] = nameof(NoticeKind.FreeForm), [NoticeSendForm.SubjectEn] = "News",
            [NoticeSendForm.BodyEn] = "Dear {{ delegate.name }}", [NoticeSendForm.SubjectZh] = "通知",
            [NoticeSendForm.BodyZh] = "尊敬的{{ delegate.name }}\n{% for i in (1..20000000) %}很{% endfor %}",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await HtmlForms.ParseAsync(response);
        Assert.Equal("The template builds a list of more than 10,000 items.", page.FieldError(NoticeSendForm.BodyZh));
        Assert.Equal("", page.FieldError(NoticeSendForm.BodyEn));
        Assert.Equal(batches, await app.WithDbAsync(db => db.NoticeBatches.CountAsync()));
    }

    [Fact]
    public async Task Should_register_with_the_built_in_wording_when_the_stored_template_fails_and_tell_the_organizers_until_it_is_fixed()
    {
        var forum = await app.WithDbAsync(db => db.Forums.AsNoTracking().SingleAsync());
        await app.WithDbAsync(async db =>
        {
            // Written past the save check, as a template stored before the sandbox was.
            db.NoticeTemplates.Add(new NoticeTemplate
            {
                ForumId = forum.Id, Kind = NoticeKind.RegistrationReceived, Language = "en", Subject = "Welcome", Body = "Dear {{ delegate.name }}\n{% include 'footer' %}",
                UpdatedUtc = DateTime.UtcNow, UpdatedBy = "before the fix",
            });
            return await db.SaveChangesAsync();
        });
        var email = $"fallback-{Guid.NewGuid():N}@city.example.org";

        var registered = await RegistrationForm.SubmitAsync(Clients.Anonymous(app), email, v => v[DelegateFields.PreferredLanguage] = "en");

        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        Assert.Equal("/register/done", registered.Headers.Location!.OriginalString);
        var row = await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.ToAddress == email && m.Purpose == "registration.received"));
        var message = await app.ReadMailAsync(row);
        Assert.Equal($"Registration received: {forum.NameEn}", message.Subject);
        Assert.Contains("Thank you for registering for the", message.TextBody, StringComparison.Ordinal);

        var organizer = await OrganizerAsync(app);
        var notices = await HtmlForms.GetPageAsync(organizer, "/admin/notices");
        var failed = notices.QuerySelector("[data-testid=failed-templates] li[data-template=RegistrationReceived-en]")?.TextContent ?? "";
        Assert.Contains("Registration received · English", failed, StringComparison.Ordinal);
        Assert.Contains("messages affected: 1;", failed, StringComparison.Ordinal);
        Assert.Contains("The template reads another file (include), which a notice may not do.", failed, StringComparison.Ordinal);

        var editor = await HtmlForms.GetPageAsync(organizer, Url(NoticeKind.RegistrationReceived, "en"));
        Assert.Equal("Line 2: {% include %} cannot be used in a notice: a notice may not read other files.", editor.QuerySelector("[data-testid=body-error]")!.TextContent.Trim());
        var fixedUp = await HtmlForms.SubmitAsync(organizer, editor, Url(NoticeKind.RegistrationReceived, "en"),
            new Dictionary<string, string> { ["Body"] = "Dear {{ delegate.name }}, thank you." }, Template, button: "[data-testid=save-template]");
        Assert.Equal(HttpStatusCode.Redirect, fixedUp.StatusCode);
        Assert.Null((await HtmlForms.GetPageAsync(organizer, "/admin/notices")).QuerySelector("[data-testid=failed-templates] li[data-template=RegistrationReceived-en]"));
    }

    [Fact]
    public async Task Should_approve_with_the_built_in_Chinese_wording_when_the_stored_template_runs_away()
    {
        var forum = await app.WithDbAsync(db => db.Forums.AsNoTracking().SingleAsync());
        var person = await app.WithDbAsync(db => db.Delegates.AsNoTracking().Where(d => d.Status == RegistrationStatus.Submitted).OrderByDescending(d => d.Id).FirstAsync());
        await app.WithDbAsync(async db =>
        {
            await db.Delegates.Where(d => d.Id == person.Id).ExecuteUpdateAsync(s => s.SetProperty(d => d.PreferredLanguage, "zh-Hans"));
            db.NoticeTemplates.Add(new NoticeTemplate
            {
                ForumId = forum.Id, Kind = NoticeKind.Approved, Language = "zh-Hans", Subject = "批准",
                Body = "{% assign n = 20000000 %}{% for i in (1..n) %}很{% endfor %}好", UpdatedUtc = DateTime.UtcNow, UpdatedBy = "before the fix",
            });
            return await db.SaveChangesAsync();
        });
        var organizer = await OrganizerAsync(app, "zh-Hans");

        var details = await HtmlForms.GetPageAsync(organizer, $"/admin/delegates/details/{person.Id}");
        var decided = await HtmlForms.SubmitAsync(organizer, details, $"/admin/delegates/details/{person.Id}",
            new Dictionary<string, string> { ["Decision"] = "Approved" }, "form[action*='handler=Decide']");

        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);
        Assert.Equal(RegistrationStatus.Approved, await app.WithDbAsync(db => db.Delegates.Where(d => d.Id == person.Id).Select(d => d.Status).SingleAsync()));
        var row = await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.ToAddress == person.Email && m.Purpose == "registration.approved"));
        Assert.Equal($"报名已批准：{forum.NameZh}", (await app.ReadMailAsync(row)).Subject);
        var failed = (await HtmlForms.GetPageAsync(organizer, "/admin/notices"))
            .QuerySelector("[data-testid=failed-templates] li[data-template=Approved-zh-Hans]")?.TextContent ?? "";
        Assert.Contains("受影响的消息：1 条", failed, StringComparison.Ordinal);
        Assert.Contains("模板生成的列表超过 10,000 项。", failed, StringComparison.Ordinal);
    }
}
