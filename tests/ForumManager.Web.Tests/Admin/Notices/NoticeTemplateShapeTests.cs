using System.Text;
using Fluid;
using Fluid.Ast;
using ForumManager.Features.Notices;

namespace ForumManager.Web.Tests.Admin.Notices;

/// <summary>
/// The nesting count made before parsing agrees with the parser itself, whatever hides an end tag from the parser:
/// a raw or comment block, an inline comment, a quoted string with escaped quotes, unusual white space.
/// </summary>
public sealed class NoticeTemplateShapeTests
{
    private static readonly (string Open, string End)[] Blocks =
    [
        ("if true", "endif"), ("unless false", "endunless"), ("for i in (1..1)", "endfor"), ("capture c", "endcapture"),
        ("ifchanged", "endifchanged"), ("tablerow i in (1..1)", "endtablerow"), ("case 1", "endcase"),
    ];

    /// <summary>White space as the parser may or may not take it around a tag's name, the ideographic space included.</summary>
    private static readonly string[] Spaces = ["", " ", "  ", "\n", "\t", "\r\n", "\u3000", "\u00a0", "\u2009", "\u200b", "\u0085"];

    /// <summary>What looks like the end of a tag, a block or a string, to be hidden where the parser does not read it as one.</summary>
    private static readonly string[] Lures =
    [
        "{%endif%}", "{% endfor %}", "{%- endcase -%}", "{% endraw %}", "{% endcomment %}", "{%endraw x%}", "{% endcomment\u200b%}",
        "%}", "}}", "{{", "{%", "'", "\"", "\\'", "\\\"", "\\\\", "x", "\n",
    ];

    [Fact]
    public void Should_find_a_template_too_deep_exactly_when_the_parser_nests_it_past_the_limit()
    {
        var random = new Random(2010);
        var parsed = 0;
        var tooDeep = 0;
        var disagreements = new List<string>();
        for (var sample = 0; sample < 1_500; sample++)
        {
            var template = Template(random, NoticeSandbox.MaxNesting - 2 + random.Next(5));
            if (!NoticeSandbox.Parser.TryParse(template, out var parsedTemplate, out _))
            {
                continue;
            }

            parsed++;
            var depth = new DepthFinder();
            depth.VisitTemplate(parsedTemplate);
            var shape = NoticeSandbox.OutOfShape(template);
            tooDeep += depth.Deepest > NoticeSandbox.MaxNesting ? 1 : 0;
            if ((shape?.Stop == TemplateStop.Nesting) != depth.Deepest > NoticeSandbox.MaxNesting || shape?.Stop == TemplateStop.LongTag)
            {
                disagreements.Add($"parser {depth.Deepest} deep, check {shape?.Stop.ToString() ?? "none"}: {template}");
            }
        }

        Assert.True(parsed >= 200, $"only {parsed} samples parsed");
        Assert.InRange(tooDeep, parsed / 5, parsed * 4 / 5);
        Assert.True(disagreements.Count == 0, $"{disagreements.Count} of {parsed} disagree, the first: {disagreements.FirstOrDefault()}");
    }

    /// <summary><paramref name="levels"/> blocks one in another, with lures before and after each tag.</summary>
    private static string Template(Random random, int levels)
    {
        var text = new StringBuilder();
        var chosen = new List<(string Open, string End)>();
        for (var level = 0; level < levels; level++)
        {
            Hide(random, text);
            var block = Blocks[random.Next(Blocks.Length)];
            chosen.Add(block);
            text.Append(Tag(random, block.Open));
            if (block.End == "endcase")
            {
                text.Append("{% when 1 %}");
            }
        }

        text.Append("DEEP");
        for (var level = levels - 1; level >= 0; level--)
        {
            Hide(random, text);
            text.Append(Tag(random, chosen[level].End));
        }

        return text.ToString();
    }

    /// <summary>
    /// A tag with white space around its name, rarely of an unusual kind: a space the parser does not take makes the
    /// whole template fail to parse, and a sample holds a hundred tags.
    /// </summary>
    private static string Tag(Random random, string inside) =>
        "{%" + (random.Next(4) == 0 ? "-" : "") + Space(random) + inside + Space(random) + (random.Next(4) == 0 ? "-" : "") + "%}";

    private static string Space(Random random) => random.Next(300) == 0 ? Pick(random, Spaces) : Pick(random, Spaces.AsSpan(0, 6).ToArray());

    /// <summary>Adds, now and then, a place where lures are out of the parser's sight.</summary>
    private static void Hide(Random random, StringBuilder text)
    {
        for (var i = random.Next(6) == 0 ? 1 : 0; i > 0; i--)
        {
            var lures = string.Concat(Enumerable.Range(0, 1 + random.Next(4)).Select(_ => Pick(random, Lures)));
            switch (random.Next(6))
            {
                case 0:
                    text.Append(Tag(random, "raw")).Append(lures).Append(Tag(random, "endraw"));
                    break;
                case 1:
                    text.Append(Tag(random, "comment")).Append(lures).Append(Tag(random, "endcomment"));
                    break;
                case 2:
                    text.Append("{%").Append(Pick(random, Spaces)).Append('#').Append(lures.Replace("%}", "", StringComparison.Ordinal)).Append("%}");
                    break;
                case 3:
                    text.Append("{{ ").Append(Quoted(random, lures)).Append(" }}");
                    break;
                case 4:
                    text.Append("{% assign v = ").Append(Quoted(random, lures)).Append(" | append: ").Append(Quoted(random, lures)).Append(" %}");
                    break;
                default:
                    text.Append(lures.Replace("{", "(", StringComparison.Ordinal));
                    break;
            }
        }
    }

    /// <summary>A quoted string, its own quote escaped wherever a lure would end it.</summary>
    private static string Quoted(Random random, string lures)
    {
        var quote = random.Next(2) == 0 ? '"' : '\'';
        var inside = lures.Replace("\\", "\\\\", StringComparison.Ordinal).Replace(quote.ToString(), "\\" + quote, StringComparison.Ordinal);
        return quote + inside + quote;
    }

    private static string Pick(Random random, string[] choices) => choices[random.Next(choices.Length)];

    /// <summary>How deep the parser nested block tags, from what it built.</summary>
    private sealed class DepthFinder : AstVisitor
    {
        private int depth;

        public int Deepest { get; private set; }

        protected override Statement VisitIfStatement(IfStatement ifStatement) => Nested(() => base.VisitIfStatement(ifStatement));

        protected override Statement VisitUnlessStatement(UnlessStatement unlessStatement) => Nested(() => base.VisitUnlessStatement(unlessStatement));

        protected override Statement VisitForStatement(ForStatement forStatement) => Nested(() => base.VisitForStatement(forStatement));

        protected override Statement VisitCaptureStatement(CaptureStatement captureStatement) => Nested(() => base.VisitCaptureStatement(captureStatement));

        protected override Statement VisitIfChangedStatement(IfChangedStatement ifChangedStatement) => Nested(() => base.VisitIfChangedStatement(ifChangedStatement));

        protected override Statement VisitTableRowStatement(TableRowStatement tableRowStatement) => Nested(() => base.VisitTableRowStatement(tableRowStatement));

        protected override Statement VisitCaseStatement(CaseStatement caseStatement) => Nested(() => base.VisitCaseStatement(caseStatement));

        private Statement Nested(Func<Statement> visit)
        {
            Deepest = Math.Max(Deepest, ++depth);
            var statement = visit();
            depth--;
            return statement;
        }
    }
}
