using System.Globalization;
using System.Text.RegularExpressions;
using Fluid;
using Fluid.Ast;
using Microsoft.Extensions.Localization;

namespace ForumManager.Features.Notices;

/// <summary>A problem with a template: the line it is on and what is wrong, in words for the organizer.</summary>
public sealed record TemplateProblem(int Line, string Key, string Detail);

/// <summary>
/// Checks a Liquid template before it is saved or sent: it must parse, read no other file (<c>include</c>,
/// <c>render</c>), use only the filters notices offer (<see cref="NoticeSandbox.Filters"/>), and every placeholder
/// it names must be one of <see cref="NoticePlaceholders"/> (or a variable the template sets itself, or a loop's
/// item). Whether it stays within the limits is found by filling it in (<see cref="NoticeRenderer"/>).
/// </summary>
public static partial class NoticeTemplateCheck
{
    /// <summary>A free-form wording's four texts, checked as <see cref="CheckTexts"/> does, at fields named SubjectEn, BodyEn, SubjectZh and BodyZh.</summary>
    public static void CheckWording(NoticeWording wording, IReadOnlySet<string> alreadyRefused, IStringLocalizer text, FieldErrors errors) =>
        CheckTexts([("SubjectEn", "Notices_SubjectEn", wording.SubjectEn), ("BodyEn", "Notices_BodyEn", wording.BodyEn),
            ("SubjectZh", "Notices_SubjectZh", wording.SubjectZh), ("BodyZh", "Notices_BodyZh", wording.BodyZh)], alreadyRefused, text, errors);

    /// <summary>
    /// Each text is required, must parse and name only known placeholders; every problem goes to its field with its line.
    /// A text in <paramref name="alreadyRefused"/> (over its length) is refused as such and not parsed: the parser descends
    /// once per nested tag, and thousands of levels would overflow the stack and end the process.
    /// </summary>
    public static void CheckTexts(IEnumerable<(string Field, string Label, string Source)> texts, IReadOnlySet<string> alreadyRefused, IStringLocalizer text,
        FieldErrors errors)
    {
        foreach (var (field, label, source) in texts)
        {
            if (string.IsNullOrWhiteSpace(source))
            {
                errors.Add(field, text["Validation_Required", text[label]]);
            }
            else if (!alreadyRefused.Contains(field))
            {
                foreach (var problem in Check(source.Replace("\r\n", "\n", StringComparison.Ordinal)))
                {
                    errors.Add(field, text[problem.Key, problem.Line, problem.Detail]);
                }
            }
        }
    }

    public static IReadOnlyList<TemplateProblem> Check(string source)
    {
        if (NoticeSandbox.OutOfShape(source) is { } shape)
        {
            return [shape.Stop == TemplateStop.Nesting
                ? new TemplateProblem(shape.Line, "Notices_TooDeep", NoticeSandbox.MaxNesting.ToString(CultureInfo.InvariantCulture))
                : new TemplateProblem(shape.Line, "Notices_TagTooLong", NoticeSandbox.MaxTagChars.ToString("N0", CultureInfo.InvariantCulture))];
        }

        if (!NoticeSandbox.Parser.TryParse(source, out var template, out var error))
        {
            var position = ErrorPosition().Match(error);
            var line = position.Success ? int.Parse(position.Groups["line"].Value, CultureInfo.InvariantCulture) : 1;
            var reason = error.Split('\n')[0];
            reason = ErrorPosition().Replace(reason, string.Empty).Trim();
            return [new TemplateProblem(line, "Notices_ParseError", reason)];
        }

        var finder = new PlaceholderFinder();
        finder.VisitTemplate(template);
        return finder.Forbidden.Distinct().Select(tag => new TemplateProblem(LineOfTag(source, tag), "Notices_Forbidden", "{% " + tag + " %}"))
            .Concat(finder.Filters.Distinct().Select(filter => new TemplateProblem(LineOfFilter(source, filter), "Notices_UnknownFilter", filter)))
            .Concat(finder.Unknown.Distinct().Select(path => new TemplateProblem(LineOf(source, path), "Notices_UnknownPlaceholder", path)))
            .ToList();
    }

    private static int LineOfTag(string source, string tag) =>
        LineAt(source, Regex.Match(source, @"\{%-?\s*" + tag + @"\b", RegexOptions.None, TimeSpan.FromSeconds(1)));

    private static int LineOfFilter(string source, string filter) =>
        LineAt(source, Regex.Match(source, @"\|\s*" + Regex.Escape(filter) + @"(?!\w)", RegexOptions.None, TimeSpan.FromSeconds(1)));

    private static int LineAt(string source, Match match) => match.Success ? source[..match.Index].Count(c => c == '\n') + 1 : 1;

    private static int LineOf(string source, string path)
    {
        var pattern = string.Join(@"\s*\.\s*", path.Split('.').Select(Regex.Escape));
        return LineAt(source, Regex.Match(source, @"(?<![\w.])" + pattern + @"(?!\w)", RegexOptions.None, TimeSpan.FromSeconds(1)));
    }

    [GeneratedRegex(@"at \((?<line>\d+):(?<column>\d+)\)")]
    private static partial Regex ErrorPosition();

    private sealed class PlaceholderFinder : AstVisitor
    {
        private readonly Dictionary<string, string> loops = new(StringComparer.Ordinal);
        private readonly HashSet<string> assigned = new(StringComparer.Ordinal);

        public List<string> Unknown { get; } = [];

        /// <summary>Tags that would read another file.</summary>
        public List<string> Forbidden { get; } = [];

        /// <summary>Filters notices do not offer.</summary>
        public List<string> Filters { get; } = [];

        protected override Statement VisitIncludeStatement(IncludeStatement includeStatement)
        {
            Forbidden.Add("include");
            return base.VisitIncludeStatement(includeStatement);
        }

        protected override Statement VisitRenderStatement(RenderStatement renderStatement)
        {
            Forbidden.Add("render");
            return base.VisitRenderStatement(renderStatement);
        }

        protected override Expression VisitFilterExpression(FilterExpression filterExpression)
        {
            if (!NoticeSandbox.Filters.Contains(filterExpression.Name))
            {
                Filters.Add(filterExpression.Name);
            }

            return base.VisitFilterExpression(filterExpression);
        }

        protected override Statement VisitAssignStatement(AssignStatement assignStatement)
        {
            assigned.Add(assignStatement.Identifier);
            return base.VisitAssignStatement(assignStatement);
        }

        protected override Statement VisitForStatement(ForStatement forStatement)
        {
            if (forStatement.Source is MemberExpression { Segments: [IdentifierSegment source] } && NoticePlaceholders.IsList(source.Identifier))
            {
                loops[forStatement.Identifier] = source.Identifier;
            }
            else
            {
                assigned.Add(forStatement.Identifier);
            }

            return base.VisitForStatement(forStatement);
        }

        protected override Expression VisitMemberExpression(MemberExpression memberExpression)
        {
            var names = memberExpression.Segments.OfType<IdentifierSegment>().Select(s => s.Identifier).ToList();
            if (names.Count > 0 && memberExpression.Segments[0] is IdentifierSegment)
            {
                var root = names[0];
                var member = names.Count > 1 ? names[1] : null;
                if (root is "forloop" || assigned.Contains(root))
                {
                    return base.VisitMemberExpression(memberExpression);
                }

                if (loops.TryGetValue(root, out var list))
                {
                    if (member is not null && !NoticePlaceholders.Members[list + "[]"].Contains(member))
                    {
                        Unknown.Add($"{root}.{member}");
                    }
                }
                else if (NoticePlaceholders.IsList(root))
                {
                    if (member is not null && member is not ("size" or "first" or "last"))
                    {
                        Unknown.Add($"{root}.{member}");
                    }
                }
                else if (!NoticePlaceholders.Members.TryGetValue(root, out var members))
                {
                    Unknown.Add(member is null ? root : $"{root}.{member}");
                }
                else if (member is null || !members.Contains(member))
                {
                    Unknown.Add(member is null ? root : $"{root}.{member}");
                }
            }

            return base.VisitMemberExpression(memberExpression);
        }
    }
}
