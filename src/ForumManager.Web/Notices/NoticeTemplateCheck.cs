using System.Text.RegularExpressions;
using Fluid;
using Fluid.Ast;

namespace ForumManager.Web.Notices;

/// <summary>A problem with a template: the line it is on and what is wrong, in words for the organizer.</summary>
public sealed record TemplateProblem(int Line, string Key, string Detail);

/// <summary>
/// Checks a Liquid template before it is saved or sent: it must parse, and every placeholder it names must be one
/// of <see cref="NoticePlaceholders"/> (or a variable the template sets itself, or a loop's item).
/// </summary>
public static partial class NoticeTemplateCheck
{
    public static readonly FluidParser Parser = new();

    public static IReadOnlyList<TemplateProblem> Check(string source)
    {
        if (!Parser.TryParse(source, out var template, out var error))
        {
            var position = ErrorPosition().Match(error);
            var line = position.Success ? int.Parse(position.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture) : 1;
            var reason = error.Split('\n')[0];
            reason = ErrorPosition().Replace(reason, string.Empty).Trim();
            return [new TemplateProblem(line, "Notices_ParseError", reason)];
        }

        var finder = new PlaceholderFinder();
        finder.VisitTemplate(template);
        return finder.Unknown.Distinct().Select(path => new TemplateProblem(LineOf(source, path), "Notices_UnknownPlaceholder", path)).ToList();
    }

    private static int LineOf(string source, string path)
    {
        var pattern = string.Join(@"\s*\.\s*", path.Split('.').Select(Regex.Escape));
        var match = Regex.Match(source, @"(?<![\w.])" + pattern + @"(?!\w)", RegexOptions.None, TimeSpan.FromSeconds(1));
        return match.Success ? source[..match.Index].Count(c => c == '\n') + 1 : 1;
    }

    [GeneratedRegex(@"at \((?<line>\d+):(?<column>\d+)\)")]
    private static partial Regex ErrorPosition();

    private sealed class PlaceholderFinder : AstVisitor
    {
        private readonly Dictionary<string, string> loops = new(StringComparer.Ordinal);
        private readonly HashSet<string> assigned = new(StringComparer.Ordinal);

        public List<string> Unknown { get; } = [];

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
