#:property AllowUnsafeBlocks=true
// Rewrites the name_zh column of db/reference/countries.csv with the Chinese territory names of the ICU
// (CLDR) that .NET loads on this machine. Run: dotnet run scripts/countries-from-icu.cs db/reference/countries.csv
// The host's own names (Countries.HostChineseNames) are applied when the list is loaded, not written here,
// and CountryNamesTests compares the column with ICU again at test time.
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

_ = CultureInfo.GetCultureInfo("zh-Hans").CompareInfo.Compare("甲", "乙");
var path = File.ReadLines("/proc/self/maps")
    .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1])
    .First(file => Path.GetFileName(file).StartsWith("libicuuc.so", StringComparison.Ordinal));
var version = Path.GetFileName(path)["libicuuc.so.".Length..].Split('.')[0];
var library = NativeLibrary.Load(path);
var export = NativeLibrary.TryGetExport(library, "uloc_getDisplayCountry_" + version, out var suffixed)
    ? suffixed
    : NativeLibrary.GetExport(library, "uloc_getDisplayCountry");

var lines = File.ReadAllLines(args[0]);
var output = new List<string> { lines[0] };
foreach (var line in lines.Skip(1))
{
    output.Add(line[..(line.LastIndexOf(',') + 1)] + ChineseName(line[..2]));
}

File.WriteAllText(args[0], string.Join('\n', output) + "\n");
Console.WriteLine($"{output.Count - 1} names from {path}");

unsafe string ChineseName(string code)
{
    var getDisplayCountry = (delegate* unmanaged<byte*, byte*, char*, int, int*, int>)export;
    var buffer = stackalloc char[256];
    var status = 0;
    var locale = Encoding.ASCII.GetBytes("und_" + code + "\0");
    var display = Encoding.ASCII.GetBytes("zh\0");
    fixed (byte* l = locale)
    fixed (byte* d = display)
    {
        var length = getDisplayCountry(l, d, buffer, 256, &status);
        return status > 0 ? throw new InvalidOperationException($"ICU failed on {code}: {status}") : new string(buffer, 0, length);
    }
}
