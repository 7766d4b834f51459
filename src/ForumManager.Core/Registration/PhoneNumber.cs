using System.Text;

namespace ForumManager.Core.Registration;

/// <summary>International phone numbers as people type them: "+86 731 8888-8888", "+1 (651) 266 8989".</summary>
public static class PhoneNumber
{
    /// <summary>
    /// Accepts a leading + and 8 to 15 digits (E.164), with spaces, hyphens, dots and parentheses between them;
    /// gives the number back as + and digits.
    /// </summary>
    public static bool TryNormalize(string? input, out string normalized)
    {
        normalized = string.Empty;
        var text = input?.Trim();
        if (string.IsNullOrEmpty(text) || text[0] != '+')
        {
            return false;
        }

        var digits = new StringBuilder("+");
        foreach (var c in text.AsSpan(1))
        {
            if (char.IsAsciiDigit(c))
            {
                digits.Append(c);
            }
            else if (c is not (' ' or '-' or '.' or '(' or ')'))
            {
                return false;
            }
        }

        var count = digits.Length - 1;
        if (count is < 8 or > 15 || digits[1] == '0')
        {
            return false;
        }

        normalized = digits.ToString();
        return true;
    }
}
