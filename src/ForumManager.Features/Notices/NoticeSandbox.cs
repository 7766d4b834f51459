using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using Fluid;
using Fluid.Ast;
using Fluid.Values;
using Microsoft.Extensions.FileProviders;

namespace ForumManager.Features.Notices;

/// <summary>What stopped an organizer's template from being filled in.</summary>
public enum TemplateStop
{
    /// <summary>It reads another file (<c>include</c>, <c>render</c>).</summary>
    Forbidden,

    /// <summary>It runs more tags, placeholders and loop turns than <see cref="NoticeSandbox.MaxSteps"/>.</summary>
    Steps,

    /// <summary>It writes, or builds in a variable, more text than <see cref="NoticeSandbox.MaxKilobytes"/>.</summary>
    Size,

    /// <summary>It holds more text at once, in all its variables and what it writes together, than <see cref="NoticeSandbox.MaxHeldKilobytes"/>.</summary>
    Held,

    /// <summary>It builds a list (a range, a split) longer than <see cref="NoticeSandbox.MaxItems"/>.</summary>
    Items,

    /// <summary>It takes longer than <see cref="NoticeSandbox.MaxSeconds"/>.</summary>
    Time,

    /// <summary>
    /// The messages of one operation (an import, a decision on many registrations) have spent
    /// <see cref="NoticeSandbox.MaxOperationSeconds"/> in organizers' templates; the rest go with the built-in wording.
    /// </summary>
    Operation,

    /// <summary>It nests block tags (<c>if</c> in <c>for</c> in <c>if</c>…) deeper than <see cref="NoticeSandbox.MaxNesting"/>.</summary>
    Nesting,

    /// <summary>One of its tags or placeholders is longer than <see cref="NoticeSandbox.MaxTagChars"/>.</summary>
    LongTag,

    /// <summary>It does not parse, or fails while it is filled in (a division by zero, a filter notices do not have).</summary>
    Error,
}

/// <summary>
/// An organizer's template that cannot be filled in, and why. <see cref="Part"/> and <see cref="Language"/> say
/// which field it came from, so a page can show it there.
/// </summary>
public sealed class NoticeTemplateException(TemplateStop stop, string? detail = null) : Exception($"The notice template stopped: {stop}{(detail is null ? "" : ": " + detail)}")
{
    public TemplateStop Stop { get; } = stop;
    public string? Detail { get; } = detail;

    /// <summary>"subject" or "body", once known.</summary>
    public string? Part { get; init; }

    /// <summary>"en" or "zh-Hans", once known.</summary>
    public string? Language { get; init; }

    /// <summary>The reason as it is stored (on a template, on a batch's recipient) and later put in words by <see cref="NoticeSandbox.Describe"/>.</summary>
    public string Code => Detail is null ? Stop.ToString() : $"{Stop}:{Detail}";

    public NoticeTemplateException In(string part, string language) => new(Stop, Detail) { Part = part, Language = language };
}

/// <summary>
/// Fills in organizers' Liquid templates inside fixed bounds, so that no template can read a file, run for long,
/// or build a large string or list, whatever data it meets: the file provider holds nothing and <c>include</c> and
/// <c>render</c> are refused; every tag and loop turn counts a step; what is written, what a variable holds and
/// what a filter returns is measured, and the two filters whose result can outgrow their input many times over
/// (<c>replace</c>, <c>join</c>) are measured before they run; all the text one fill holds at once (every variable
/// and everything being written) is counted against <see cref="MaxHeldKilobytes"/>; every loop turn and filter
/// looks at the clock, against <see cref="MaxSeconds"/> and, when the caller gives one, what is left of its
/// operation's time. Filters that build text from a number or a format (<c>format_number</c>,
/// <c>format_string</c>, <c>json</c>) and hashing filters are not offered. Block tags nested deeper than
/// <see cref="MaxNesting"/>, and tags longer than <see cref="MaxTagChars"/>, are refused before the template is
/// parsed: the parser, and everything that walks what it builds, descends once per nested tag and once per filter
/// in a chain, and a few thousand levels would overflow the stack and end the process.
/// </summary>
public static partial class NoticeSandbox
{
    public const int MaxSteps = 10_000;
    public const int MaxKilobytes = 256;
    public const int MaxHeldKilobytes = 1_024;
    public const int MaxItems = 10_000;
    public const int MaxSeconds = 2;

    /// <summary>
    /// The time organizers' templates may take in all over the messages of one operation (a request: an import, a
    /// decision on many registrations, a release), which may hold the database's write lock meanwhile.
    /// </summary>
    public const int MaxOperationSeconds = 5;

    public const int MaxNesting = 50;
    public const int MaxTagChars = 1_000;

    /// <summary>The longest template text there is room for (a template's or a batch's body).</summary>
    public const int MaxSourceChars = 20_000;
    private const int MaxChars = MaxKilobytes * 1024;
    private const long MaxHeldChars = MaxHeldKilobytes * 1024L;

    /// <summary>What an item of a list is counted as towards <see cref="MaxHeldKilobytes"/>, besides its text: the memory it takes.</summary>
    private const int ItemChars = 16;

    /// <summary>A template that ran out of time is not run again for this long: it would only wait out the limit once more.</summary>
    private static readonly TimeSpan RememberTimeouts = TimeSpan.FromMinutes(10);

    /// <summary>Tags that open a block: the parser descends once for each until its <c>end</c> tag.</summary>
    private static readonly IReadOnlySet<string> BlockTags = new HashSet<string>(StringComparer.Ordinal)
    {
        "if", "unless", "for", "case", "capture", "tablerow", "ifchanged",
    };

    public static readonly FluidParser Parser = CreateParser();

    /// <summary>The filters a notice may use: those whose result grows at most in step with what they are given.</summary>
    public static readonly IReadOnlySet<string> Filters = new HashSet<string>(StringComparer.Ordinal)
    {
        "abs", "append", "at_least", "at_most", "capitalize", "ceil", "compact", "concat", "date", "default", "divided_by", "downcase",
        "escape", "escape_once", "find", "find_index", "first", "floor", "format_date", "handle", "handleize", "has", "join", "last", "lstrip",
        "map", "minus", "modulo", "newline_to_br", "plus", "prepend", "raw", "reject", "remove", "remove_first", "remove_last", "replace",
        "replace_first", "replace_last", "reverse", "round", "rstrip", "size", "slice", "sort", "sort_natural", "split", "strip", "strip_html",
        "strip_newlines", "sum", "time_zone", "times", "truncate", "truncatewords", "uniq", "upcase", "url_decode", "url_encode", "where",
    };

    private static readonly TemplateOptions BoundedOptions = CreateOptions();

    /// <summary>Templates already parsed and bounded, by their text; a batch fills in the same few for every recipient.</summary>
    private static readonly ConcurrentDictionary<string, Prepared> Known = new(StringComparer.Ordinal);

    private sealed record Prepared(IFluidTemplate? Template, NoticeTemplateException? Refusal)
    {
        public long TimedOutAt { get; set; }
    }

    /// <summary>Fills in <paramref name="source"/> with <paramref name="model"/>, or throws <see cref="NoticeTemplateException"/>.</summary>
    /// <param name="operationTimeLeft">
    /// What is left of the time the caller's operation may spend in templates (see <see cref="MaxOperationSeconds"/>),
    /// or null; a fill that reaches it stops with <see cref="TemplateStop.Operation"/>, which says nothing against
    /// the template for the next message, unlike <see cref="TemplateStop.Time"/>.
    /// </param>
    public static async Task<string> RenderAsync(string source, object model, CancellationToken ct, TimeSpan? operationTimeLeft = null)
    {
        var prepared = Prepare(source);
        if (prepared.Refusal is { } refusal)
        {
            throw new NoticeTemplateException(refusal.Stop, refusal.Detail);
        }

        if (prepared.TimedOutAt != 0 && Environment.TickCount64 - prepared.TimedOutAt < RememberTimeouts.TotalMilliseconds)
        {
            throw new NoticeTemplateException(TemplateStop.Time);
        }

        if (operationTimeLeft <= TimeSpan.Zero)
        {
            throw new NoticeTemplateException(TemplateStop.Operation);
        }

        var context = new LimitedContext(model, operationTimeLeft, ct);
        var writer = new LimitedWriter(context);
        try
        {
            await prepared.Template!.RenderAsync(writer, NullEncoder.Default, context);
        }
        catch (NoticeTemplateException e)
        {
            if (e.Stop == TemplateStop.Time)
            {
                prepared.TimedOutAt = Environment.TickCount64;
            }

            throw;
        }
        catch (InvalidOperationException) when (context.Steps >= MaxSteps)
        {
            throw new NoticeTemplateException(TemplateStop.Steps);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The model is plain text and lists, so whatever goes wrong while filling it in (Liquid's own errors, a
            // division by zero inside a filter) is the template's doing, never the app's.
            throw new NoticeTemplateException(TemplateStop.Error, e.Message.Split('\n')[0]);
        }

        return writer.ToString();
    }

    /// <summary>The reason a template stopped, in the reader's language, from <see cref="NoticeTemplateException.Code"/>.</summary>
    public static string Describe(string code, Func<string, object[], string> text)
    {
        var colon = code.IndexOf(':', StringComparison.Ordinal);
        var name = colon < 0 ? code : code[..colon];
        var detail = colon < 0 ? string.Empty : code[(colon + 1)..];
        return Enum.TryParse<TemplateStop>(name, out var stop)
            ? stop switch
            {
                TemplateStop.Steps => text("Notices_Stop_Steps", [MaxSteps.ToString("N0", CultureInfo.InvariantCulture)]),
                TemplateStop.Size => text("Notices_Stop_Size", [MaxKilobytes]),
                TemplateStop.Held => text("Notices_Stop_Held", [MaxHeldKilobytes.ToString("N0", CultureInfo.InvariantCulture)]),
                TemplateStop.Items => text("Notices_Stop_Items", [MaxItems.ToString("N0", CultureInfo.InvariantCulture)]),
                TemplateStop.Time => text("Notices_Stop_Time", [MaxSeconds]),
                TemplateStop.Operation => text("Notices_Stop_Operation", [MaxOperationSeconds]),
                TemplateStop.Nesting => text("Notices_Stop_Nesting", [MaxNesting]),
                TemplateStop.LongTag => text("Notices_Stop_LongTag", [MaxTagChars.ToString("N0", CultureInfo.InvariantCulture)]),
                TemplateStop.Forbidden => text("Notices_Stop_Forbidden", [detail]),
                _ => text("Notices_Stop_Error", [detail]),
            }
            : code;
    }

    private static Prepared Prepare(string source)
    {
        if (Known.TryGetValue(source, out var known))
        {
            return known;
        }

        Prepared prepared;
        if (source.Length > MaxSourceChars)
        {
            prepared = new Prepared(null, new NoticeTemplateException(TemplateStop.Error, $"longer than {MaxSourceChars} characters"));
        }
        else if (OutOfShape(source) is { } shape)
        {
            prepared = new Prepared(null, new NoticeTemplateException(shape.Stop));
        }
        else if (!Parser.TryParse(source, out var parsed, out var error))
        {
            prepared = new Prepared(null, new NoticeTemplateException(TemplateStop.Error, ErrorPosition().Replace(error.Split('\n')[0], string.Empty).Trim()));
        }
        else
        {
            try
            {
                prepared = new Prepared(new Bounding().VisitTemplate(parsed), null);
            }
            catch (NoticeTemplateException e)
            {
                prepared = new Prepared(null, e);
            }
        }

        if (Known.Count > 500)
        {
            Known.Clear();
        }

        return Known.GetOrAdd(source, prepared);
    }

    /// <summary>
    /// The first place where the template's shape could exhaust the stack (block tags nested deeper than
    /// <see cref="MaxNesting"/>, a tag or placeholder longer than <see cref="MaxTagChars"/>), or null; read without parsing.
    /// </summary>
    /// <remarks>
    /// The text is read the way <see cref="Parser"/> reads it, so that what looks like a tag but is not one cannot
    /// make the count go wrong: a quoted string inside a tag runs to its closing quote (a backslash escapes the next
    /// character) whatever it holds, <c>%}</c> and <c>}}</c> included; the body of <c>raw</c> and <c>comment</c>
    /// runs to the first end tag the parser would take, and nothing in it counts; an inline comment
    /// (<c>{% # … %}</c>) runs to the first <c>%}</c>; a tag's name is skipped to past the same white space, and
    /// read with the same characters, as the parser's. An end tag closes one level: one that closes nothing, or the
    /// wrong block, is a syntax error, and the parser stops there. Where the parser would stop (an unclosed tag,
    /// string or <c>raw</c>), reading stops too, after measuring what is left as one tag.
    /// </remarks>
    public static (int Line, TemplateStop Stop)? OutOfShape(string source)
    {
        int LineAt(int index) => source.AsSpan(0, index).Count('\n') + 1;

        var depth = 0;
        for (var open = NextTag(source, 0); open >= 0;)
        {
            var output = source[open + 1] == '{';
            var inside = open + 2;
            string? name = null;
            int close;
            if (output)
            {
                close = TagEnd(source, inside, "}}");
            }
            else
            {
                inside += inside < source.Length && source[inside] == '-' ? 1 : 0;
                while (inside < source.Length && Parlot.Character.IsWhiteSpaceOrNewLine(source[inside]))
                {
                    inside++;
                }

                if (inside < source.Length && source[inside] == '#')
                {
                    close = source.IndexOf("%}", inside, StringComparison.Ordinal);
                }
                else
                {
                    name = TagName(source, inside);
                    close = TagEnd(source, inside, "%}");
                }
            }

            if ((close < 0 ? source.Length : close) - open > MaxTagChars)
            {
                return (LineAt(open), TemplateStop.LongTag);
            }

            if (close < 0)
            {
                return null;
            }

            var next = close + 2;
            if (name is not null && BlockTags.Contains(name) && ++depth > MaxNesting)
            {
                return (LineAt(open), TemplateStop.Nesting);
            }

            if (name is not null && name.StartsWith("end", StringComparison.Ordinal))
            {
                depth = Math.Max(0, depth - 1);
            }

            if (name is "raw" or "comment")
            {
                next = BodyEnd(source, next, "end" + name);
                if (next < 0)
                {
                    return null;
                }
            }

            open = NextTag(source, next);
        }

        return null;
    }

    /// <summary>Where the next <c>{{</c> or <c>{%</c> begins: the parser reads everything before it as text.</summary>
    private static int NextTag(string source, int from)
    {
        for (var i = source.IndexOf('{', from); i >= 0 && i + 1 < source.Length; i = source.IndexOf('{', i + 1))
        {
            if (source[i + 1] is '{' or '%')
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Where a tag's <paramref name="closing"/> is, past any quoted string, or -1 when the tag or a string in it is never closed.</summary>
    private static int TagEnd(string source, int from, string closing)
    {
        for (var i = from; i < source.Length; i++)
        {
            var c = source[i];
            if (c is '\'' or '"')
            {
                i++;
                while (i < source.Length && source[i] != c)
                {
                    i += source[i] == '\\' ? 2 : 1;
                }

                if (i >= source.Length)
                {
                    return -1;
                }
            }
            else if (source.AsSpan(i).StartsWith(closing, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// A tag's name as the parser reads it: ASCII letters, digits, <c>_</c> and <c>-</c>, without a last <c>-</c>
    /// that belongs to a closing <c>-%}</c>.
    /// </summary>
    private static string TagName(string source, int from)
    {
        var end = from;
        while (end < source.Length && (char.IsAsciiLetter(source[end]) || char.IsDigit(source[end]) || source[end] is '_' or '-'))
        {
            end++;
        }

        if (end > from && source[end - 1] == '-' && end < source.Length && source[end] is '%' or '}')
        {
            end--;
        }

        return source[from..end];
    }

    /// <summary>
    /// Where the body of a <c>raw</c> or <c>comment</c> ends: just past the first <paramref name="endTag"/> written
    /// as the parser takes it (<c>{%</c>, an optional <c>-</c>, white space, the name, white space, an optional
    /// <c>-</c>, <c>%}</c>), or -1 when there is none.
    /// </summary>
    private static int BodyEnd(string source, int from, string endTag)
    {
        for (var at = source.IndexOf("{%", from, StringComparison.Ordinal); at >= 0; at = source.IndexOf("{%", at + 1, StringComparison.Ordinal))
        {
            var i = at + 2;
            i += i < source.Length && source[i] == '-' ? 1 : 0;
            while (i < source.Length && Parlot.Character.IsWhiteSpaceOrNewLine(source[i]))
            {
                i++;
            }

            if (!source.AsSpan(i).StartsWith(endTag, StringComparison.Ordinal))
            {
                continue;
            }

            i += endTag.Length;
            while (i < source.Length && char.IsWhiteSpace(source[i]))
            {
                i++;
            }

            i += i < source.Length && source[i] == '-' ? 1 : 0;
            if (source.AsSpan(i).StartsWith("%}", StringComparison.Ordinal))
            {
                return i + 2;
            }
        }

        return -1;
    }

    /// <summary>
    /// Fluid's parser without the <c>liquid</c> tag, whose statements are read in a mode of their own (tags without
    /// <c>{%</c>) that <see cref="OutOfShape"/> would have to follow too; notices have no need of it.
    /// </summary>
    private static FluidParser CreateParser()
    {
        var parser = new FluidParser();
        parser.RegisteredTags.Remove("liquid");
        return parser;
    }

    private static TemplateOptions CreateOptions()
    {
        var options = new TemplateOptions
        {
            CultureInfo = CultureInfo.InvariantCulture,
            FileProvider = new NullFileProvider(),
            MaxSteps = MaxSteps,
            MaxRecursion = MaxNesting + 10,
            StrictFilters = true,
        };
        var builtIn = options.Filters.ToList();
        options.Filters.Clear();
        foreach (var (name, filter) in builtIn.Where(f => Filters.Contains(f.Key)))
        {
            options.Filters.AddFilter(name, Measured(name, filter));
        }

        options.Assigned = (name, value, context) => LimitedContext.Of(context).Keep(name, value);
        options.Captured = (name, value, context) => LimitedContext.Of(context).Keep(name, value);
        return options;
    }

    private static FilterDelegate Measured(string name, FilterDelegate filter) => async (input, arguments, context) =>
    {
        var limited = LimitedContext.Of(context);
        limited.Tick();
        var before = name switch
        {
            "replace" when input is StringValue text && arguments.At(0).ToStringValue() is { Length: > 0 } old
                => text.ToStringValue().Length + (long)Occurrences(text.ToStringValue(), old) * (arguments.At(1).ToStringValue().Length - old.Length),
            "join" when input is ArrayValue list
                => Size(list) + (long)(arguments.At(0).IsNil() ? 1 : arguments.At(0).ToStringValue().Length) * Math.Max(0, list.Values.Count - 1),
            "date" => arguments.At(0).ToStringValue().Length + Widths(arguments.At(0).ToStringValue()),
            _ => 0,
        };
        if (before > MaxChars)
        {
            throw new NoticeTemplateException(TemplateStop.Size);
        }

        return await limited.Measure(await filter(input, arguments, context));
    };

    private static int Occurrences(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    /// <summary>The padding a strftime format asks for (<c>%10000Y</c>), which the date filter would otherwise build in full.</summary>
    private static long Widths(string format)
    {
        long total = 0;
        foreach (Match m in Width().Matches(format))
        {
            total += m.Groups[1].Value.Length > 7 ? MaxChars + 1L : long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        }

        return total;
    }

    /// <summary>The characters a value stands for, counted without building them.</summary>
    private static long Size(FluidValue value) => value switch
    {
        StringValue s => s.ToStringValue().Length,
        ArrayValue a => a.Values.Sum(Size),
        _ => 16,
    };

    private static long Items(FluidValue value) => value is ArrayValue a ? a.Values.Count + a.Values.Sum(Items) : 0;

    [GeneratedRegex(@"at \(\d+:\d+\)")]
    private static partial Regex ErrorPosition();

    [GeneratedRegex(@"%[-_0^#:]*(\d+)")]
    private static partial Regex Width();

    private sealed class LimitedContext(object model, TimeSpan? operationTimeLeft, CancellationToken ct) : TemplateContext(model, BoundedOptions)
    {
        private readonly long deadline = Environment.TickCount64 + MaxSeconds * 1000L;
        private readonly long operationDeadline = operationTimeLeft is { } left ? Environment.TickCount64 + (long)left.TotalMilliseconds : long.MaxValue;

        /// <summary>What each variable holds, counted as <see cref="Weight"/>; a variable set again gives back what it held.</summary>
        private readonly Dictionary<string, long> variables = new(StringComparer.Ordinal);

        /// <summary>The text held at once: every variable and every text being written.</summary>
        private long held;

        public int Steps => _steps;

        public static LimitedContext Of(TemplateContext context) => (LimitedContext)context;

        public void Tick()
        {
            ct.ThrowIfCancellationRequested();
            var now = Environment.TickCount64;
            if (now > deadline)
            {
                throw new NoticeTemplateException(TemplateStop.Time);
            }

            if (now > operationDeadline)
            {
                throw new NoticeTemplateException(TemplateStop.Operation);
            }
        }

        public ValueTask<FluidValue> Measure(FluidValue value)
        {
            Tick();
            if (Size(value) > MaxChars)
            {
                throw new NoticeTemplateException(TemplateStop.Size);
            }

            if (Items(value) > MaxItems)
            {
                throw new NoticeTemplateException(TemplateStop.Items);
            }

            return new ValueTask<FluidValue>(value);
        }

        /// <summary>Measures a value given to a variable (<c>assign</c>, <c>capture</c>) and counts it as held for as long as the variable keeps it.</summary>
        public ValueTask<FluidValue> Keep(string name, FluidValue value)
        {
            var measured = Measure(value);
            var weight = Weight(value);
            Hold(weight - variables.GetValueOrDefault(name));
            variables[name] = weight;
            return measured;
        }

        /// <summary>Counts text taken (or, negative, given back) towards <see cref="MaxHeldKilobytes"/>.</summary>
        public void Hold(long chars)
        {
            held += chars;
            if (held > MaxHeldChars)
            {
                throw new NoticeTemplateException(TemplateStop.Held);
            }
        }

        private static long Weight(FluidValue value) => Size(value) + ItemChars * Items(value);
    }

    /// <summary>Collects what a template writes, up to the size limit, looking at the clock on every write.</summary>
    private sealed class LimitedWriter(LimitedContext context) : TextWriter(CultureInfo.InvariantCulture)
    {
        private readonly StringBuilder text = new();

        public override Encoding Encoding => Encoding.Unicode;

        public override void Write(char value)
        {
            Room(1);
            text.Append(value);
        }

        public override void Write(string? value)
        {
            Room(value?.Length ?? 0);
            text.Append(value);
        }

        public override void Write(char[] buffer, int index, int count)
        {
            Room(count);
            text.Append(buffer, index, count);
        }

        public override void Write(ReadOnlySpan<char> buffer)
        {
            Room(buffer.Length);
            text.Append(buffer);
        }

        public override Task WriteAsync(char value)
        {
            Write(value);
            return Task.CompletedTask;
        }

        public override Task WriteAsync(string? value)
        {
            Write(value);
            return Task.CompletedTask;
        }

        public override Task WriteAsync(char[] buffer, int index, int count)
        {
            Write(buffer, index, count);
            return Task.CompletedTask;
        }

        public override Task WriteAsync(ReadOnlyMemory<char> buffer, CancellationToken cancellationToken = default)
        {
            Write(buffer.Span);
            return Task.CompletedTask;
        }

        public override string ToString() => text.ToString();

        /// <summary>Gives back what this writer held, once its text has been passed on.</summary>
        public void Release() => context.Hold(-text.Length);

        private void Room(int more)
        {
            context.Tick();
            if (text.Length + (long)more > MaxChars)
            {
                throw new NoticeTemplateException(TemplateStop.Size);
            }

            context.Hold(more);
        }
    }

    /// <summary>
    /// Rewrites a parsed template into its bounded form: <c>include</c> and <c>render</c> refused, ranges measured
    /// before they are built, <c>capture</c> and <c>ifchanged</c> (which write into a buffer of their own) given a
    /// bounded one, and every loop turn looking at the clock.
    /// </summary>
    private sealed class Bounding : AstRewriter
    {
        protected override Statement VisitIncludeStatement(IncludeStatement includeStatement) => throw new NoticeTemplateException(TemplateStop.Forbidden, "include");

        protected override Statement VisitRenderStatement(RenderStatement renderStatement) => throw new NoticeTemplateException(TemplateStop.Forbidden, "render");

        protected override Expression VisitRangeExpression(RangeExpression rangeExpression)
        {
            var range = (RangeExpression)base.VisitRangeExpression(rangeExpression);
            return new MeasuredRange(range.From, range.To);
        }

        protected override Statement VisitCaptureStatement(CaptureStatement captureStatement)
        {
            var capture = (CaptureStatement)base.VisitCaptureStatement(captureStatement);
            return new CaptureStatement(capture.Identifier, [new BoundedBlock(capture.Statements)]);
        }

        protected override Statement VisitIfChangedStatement(IfChangedStatement ifChangedStatement)
        {
            var block = (IfChangedStatement)base.VisitIfChangedStatement(ifChangedStatement);
            return new IfChangedStatement([new BoundedBlock(block.Statements)]);
        }

        protected override Statement VisitForStatement(ForStatement forStatement)
        {
            var loop = (ForStatement)base.VisitForStatement(forStatement);
            return new ForStatement([new ClockCheck(), .. loop.Statements], loop.Identifier, loop.Source, loop.Limit, loop.Offset, loop.Reversed, loop.Else);
        }

        protected override Statement VisitTableRowStatement(TableRowStatement tableRowStatement)
        {
            var loop = (TableRowStatement)base.VisitTableRowStatement(tableRowStatement);
            return new TableRowStatement([new ClockCheck(), .. loop.Statements], loop.Identifier, loop.Source, loop.Limit, loop.Offset, loop.Cols);
        }
    }

    /// <summary>Writes its statements through a bounded writer of its own, then passes the text on.</summary>
    private sealed class BoundedBlock(IReadOnlyList<Statement> statements) : Statement
    {
        public override async ValueTask<Completion> WriteToAsync(TextWriter writer, TextEncoder encoder, TemplateContext context)
        {
            var inner = new LimitedWriter(LimitedContext.Of(context));
            var completion = await statements.RenderStatementsAsync(inner, encoder, context);
            var text = inner.ToString();
            inner.Release();
            await writer.WriteAsync(text);
            return completion;
        }
    }

    private sealed class ClockCheck : Statement
    {
        public override ValueTask<Completion> WriteToAsync(TextWriter writer, TextEncoder encoder, TemplateContext context)
        {
            LimitedContext.Of(context).Tick();
            return new ValueTask<Completion>(Completion.Normal);
        }
    }

    /// <summary>A range <c>(a..b)</c>, refused before it is built when it would hold more than <see cref="MaxItems"/> numbers.</summary>
    private sealed class MeasuredRange(Expression from, Expression to) : Expression
    {
        public override async ValueTask<FluidValue> EvaluateAsync(TemplateContext context)
        {
            var start = (long)(await from.EvaluateAsync(context)).ToNumberValue();
            var end = (long)(await to.EvaluateAsync(context)).ToNumberValue();
            if (end - start + 1 > MaxItems)
            {
                throw new NoticeTemplateException(TemplateStop.Items);
            }

            var numbers = new FluidValue[Math.Max(0, end - start + 1)];
            for (var i = 0; i < numbers.Length; i++)
            {
                numbers[i] = NumberValue.Create(start + i);
            }

            return new ArrayValue(numbers);
        }
    }
}
