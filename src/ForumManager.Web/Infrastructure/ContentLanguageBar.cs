namespace ForumManager.Web.Infrastructure;

/// <summary>The choice of language for an edition's own texts on a public page: its languages, the one shown, and the page's path.</summary>
public sealed record ContentLanguageBar(IReadOnlyList<string> Languages, string Current, string Path, string LabelKey);
