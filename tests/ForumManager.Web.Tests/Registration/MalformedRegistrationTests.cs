using System.Net;
using ForumManager.Testing;
using Microsoft.EntityFrameworkCore;

namespace ForumManager.Web.Tests.Registration;

public sealed class MalformedAppFixture : ForumAppFactory;

/// <summary>
/// Hundreds of broken registrations, on a form that also asks the organizers' own required questions: each gets its
/// page back with the fields marked, none is a 500, none is stored.
/// </summary>
public sealed class MalformedRegistrationTests(MalformedAppFixture app) : IClassFixture<MalformedAppFixture>
{
    private static readonly (string Field, string Value)[] Breakages =
    [
        ("Input.FamilyName", ""), ("Input.FamilyName", new string('a', 101)), ("Input.FamilyName", "Smith\u202E<script>alert(1)</script>"),
        ("Input.FamilyName", "张三"), ("Input.FamilyName", "1234"), ("Input.FamilyName", "Smith\u0007\u001B<b>"),
        ("Input.GivenName", ""), ("Input.GivenName", new string('b', 5000)), ("Input.GivenName", "Wei\u200F\u202Dx;DROP TABLE Delegates"),
        ("Input.NativeName", new string('名', 201)), ("Input.NativeName", "<script>alert(1)</script>"), ("Input.NativeName", "\u202Eevil\u202C<img src=x>"),
        ("Input.NativeName", "name;DROP"), ("Input.Email", ""), ("Input.Email", "plainaddress"), ("Input.Email", "@no-local.org"),
        ("Input.Email", "a@b@c"), ("Input.Email", new string('a', 260) + "@x.org"), ("Input.Phone", ""), ("Input.Phone", "12345"),
        ("Input.Phone", "+86 abc"), ("Input.Phone", "+" + new string('9', 20)), ("Input.Phone", "<script>"), ("Input.CountryCode", ""),
        ("Input.CountryCode", "XX"), ("Input.CountryCode", "<s>"), ("Input.CountryCode", "CHN"), ("Input.Honorific", "King"),
        ("Input.PreferredLanguage", "ja"), ("Input.PreferredLanguage", ""), ("Input.Consent", "false"),
        ("Input.Consent", "maybe"), ("Input.Password", ""), ("Input.Password", "short"), ("Input.Position", new string('x', 201)),
        ("Input.Position", "<script>"), ("Input.Organization", "<iframe>"), ("Input.DietaryNeeds", new string('d', 501)),
        ("Input.AccessibilityNeeds", "<b>wheelchair</b>"), ("Input.Gender", "Unicorn"), ("Input.Gender", "99"),
        ("Input.DelegationId", "999999"), ("Input.DelegationId", "abc"), ("Input.InterpretationLanguage", "xx"),
        ("Input.PassportPlaceOfIssue", "<script>"), ("Input.NeedsVisaLetter", "true"), ("Input.NeedsVisaLetter", "yes"),
    ];

    /// <summary>Broken answers to the four questions of <see cref="AskedQuestions"/>: text, one choice, several choices, yes or no.</summary>
    private static readonly (int Question, string Part, string Value)[] AnswerBreakages =
    [
        (0, "Text", ""), (0, "Text", new string('a', 1001)), (0, "Text", "<script>alert(1)</script>"), (0, "Text", "\u202E\u200F"),
        (1, "Choices", ""), (1, "Choices", "999999"), (1, "Choices", "abc"), (2, "Choices", "-1"), (2, "Choices", ""),
        (3, "Text", "maybe"), (3, "Text", ""), (3, "Text", "<b>yes</b>"),
    ];

    private static readonly (string Field, string Value)[] VisaBreakages =
    [
        ("Input.DateOfBirth", "2010-13-45"), ("Input.DateOfBirth", "not a date"), ("Input.DateOfBirth", "1800-01-01"), ("Input.DateOfBirth", "2009-01-01"),
        ("Input.PassportExpiry", "2010-07-01"), ("Input.PassportExpiry", "31/12/2020"), ("Input.PassportNumber", "AB"),
        ("Input.PassportNumber", "<script>"), ("Input.PassportNumber", new string('7', 23)), ("Input.Nationality", "ZZ"),
    ];

    [Fact]
    public async Task Should_answer_500_malformed_registrations_with_field_errors_and_store_none()
    {
        var asked = await AskedQuestions.AddAsync(app);
        var client = Clients.Anonymous(app);
        var form = await HtmlForms.GetPageAsync(client, RegistrationForm.Url);
        var answers = asked.Answers(multiple: [1]);
        int[] questions = [asked.Text, asked.Single, asked.Multiple, asked.YesNo];
        var breakages = Breakages.Concat(AnswerBreakages.Select(b => (Field: asked.Field(questions[b.Question], b.Part), b.Value))).ToArray();
        var valid = await RegistrationForm.SubmitAsync(client, form, $"wellformed-{Guid.NewGuid():N}@city.example.org",
            v => answers.ForEach(a => v[a.Key] = a.Value));
        Assert.Equal(HttpStatusCode.Redirect, valid.StatusCode);
        var emails = new List<string>();
        var problems = new List<string>();

        for (var i = 0; i < 500; i++)
        {
            var email = $"malformed-{i}-{Guid.NewGuid():N}@city.example.org";
            emails.Add(email);
            var values = RegistrationForm.Valid(email, v => answers.ForEach(a => v[a.Key] = a.Value));
            var first = breakages[i % breakages.Length];
            values[first.Field] = first.Value;
            if (i % 3 == 0)
            {
                values[DelegateFields.NeedsVisaLetter] = "true";
                values[DelegateFields.PassportNumber] = "E12345678";
                values[DelegateFields.Nationality] = "FR";
                values[DelegateFields.DateOfBirth] = "1970-01-01";
                values[DelegateFields.PassportExpiry] = "2015-01-01";
                values[DelegateFields.PassportPlaceOfIssue] = "Paris";
                var visa = VisaBreakages[i / 3 % VisaBreakages.Length];
                values[visa.Field] = visa.Value;
            }

            if (i % 5 == 0)
            {
                var second = breakages[(i * 7 + 3) % breakages.Length];
                values[second.Field] = second.Value;
            }

            var response = await HtmlForms.SubmitAsync(client, form, RegistrationForm.Url, values);
            var page = await HtmlForms.ParseAsync(response);
            var errors = page.QuerySelectorAll(".field-error").Where(e => e.TextContent.Trim().Length > 0).ToList();
            if (response.StatusCode != HttpStatusCode.OK || errors.Count == 0)
            {
                problems.Add($"#{i} {first.Field}={Shorten(first.Value)} → {(int)response.StatusCode}, {errors.Count} field errors");
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems.Take(20)));
        Assert.Equal(0, await app.WithDbAsync(db => db.Delegates.CountAsync(d => d.Email.StartsWith("malformed-"))));
        Assert.Equal(0, await app.WithDbAsync(db => db.Users.CountAsync(u => u.Email!.StartsWith("malformed-"))));
        Assert.Equal(0, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.ToAddress.StartsWith("malformed-"))));
    }

    [Fact]
    public async Task Should_answer_a_form_with_a_NUL_byte_with_a_friendly_400()
    {
        var client = Clients.Anonymous(app, "zh-CN");
        var form = await HtmlForms.GetPageAsync(client, RegistrationForm.Url);
        var email = $"nul-{Guid.NewGuid():N}@city.example.org";

        var response = await RegistrationForm.SubmitAsync(client, form, email, v => v[DelegateFields.FamilyName] = "Smith\u0000");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("请求无法处理", (await HtmlForms.ParseAsync(response)).QuerySelector("h1")!.TextContent.Trim());
        Assert.False(await app.WithDbAsync(db => db.Delegates.AnyAsync(d => d.Email == email)));
    }

    private static string Shorten(string value) => value.Length > 24 ? value[..24] + "…" : value;
}
