using System.Diagnostics;
using System.Text.Json;

namespace ForumManager.Web.Tests;

/// <summary>What libical, the C library behind Evolution and many servers, makes of a calendar.</summary>
public sealed record LibicalReport(bool Parsed, string? Method, int Events, IReadOnlyList<string> Organizers, IReadOnlyList<string> Errors);

/// <summary>
/// Reads a calendar with the real libical (Debian's libical3 through GObject introspection: gir1.2-ical-3.0 and
/// python3-gi), runs its iTIP restriction check, and reports every X-LIC-ERROR it leaves behind, from parsing or from
/// the check.
/// </summary>
public static class Libical
{
    private const string Script = """
        import json, sys
        import gi
        gi.require_version('ICalGLib', '3.0')
        from gi.repository import ICalGLib as I

        calendar = I.Component.new_from_string(sys.stdin.read())
        if calendar is None or calendar.isa() != I.ComponentKind.VCALENDAR_COMPONENT:
            print(json.dumps({'Parsed': False, 'Method': None, 'Events': 0, 'Organizers': [], 'Errors': []}))
            sys.exit(0)
        I.restriction_check(calendar)

        def properties(component, kind):
            found = []
            p = component.get_first_property(kind)
            while p is not None:
                found.append(p)
                p = component.get_next_property(kind)
            return found

        def children(component):
            found = []
            c = component.get_first_component(I.ComponentKind.ANY_COMPONENT)
            while c is not None:
                found.append(c)
                c = component.get_next_component(I.ComponentKind.ANY_COMPONENT)
            return found

        errors, organizers, events = [], [], 0
        pending = [calendar]
        while pending:
            component = pending.pop()
            errors += [p.as_ical_string().strip() for p in properties(component, I.PropertyKind.XLICERROR_PROPERTY)]
            if component.isa() == I.ComponentKind.VEVENT_COMPONENT:
                events += 1
                organizers += [p.as_ical_string().replace('\r\n ', '').strip() for p in properties(component, I.PropertyKind.ORGANIZER_PROPERTY)]
            pending += children(component)
        methods = properties(calendar, I.PropertyKind.METHOD_PROPERTY)
        method = methods[0].as_ical_string().strip() if methods else None
        print(json.dumps({'Parsed': True, 'Method': method, 'Events': events, 'Organizers': organizers, 'Errors': errors}, ensure_ascii=False))
        """;

    public static async Task<LibicalReport> CheckAsync(string ics)
    {
        var start = new ProcessStartInfo("/usr/bin/python3", ["-c", Script])
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
            StandardInputEncoding = new System.Text.UTF8Encoding(false), StandardOutputEncoding = System.Text.Encoding.UTF8,
        };
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(ics);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0,
            $"libical could not be run (apt-get install python3-gi gir1.2-ical-3.0): {await error}");
        return JsonSerializer.Deserialize<LibicalReport>(await output)!;
    }
}
