using System.Diagnostics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ForumManager.Testing;

/// <summary>
/// A certificate for the key ring as scripts/make-key-certificate.sh makes one: a self-signed RSA key in a
/// password-protected PFX file, written to a folder of the test's own.
/// </summary>
public sealed record KeyRingCertificate(string Path, string Password, byte[] RawData)
{
    public static KeyRingCertificate Create(string folder, string name)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest($"CN=ForumManager key ring {name}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(5));
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(12));
        var path = System.IO.Path.Combine(folder, name + ".pfx");
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, password));
        return new KeyRingCertificate(path, password, certificate.RawData);
    }

    /// <summary>One made by scripts/make-key-certificate.sh, as an administrator makes it, with the password in the environment.</summary>
    public static KeyRingCertificate MadeByScript(string folder, string name)
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(System.IO.Path.Combine(root.FullName, "ForumManager.sln")))
        {
            root = root.Parent;
        }

        var script = System.IO.Path.Combine(root?.FullName ?? throw new InvalidOperationException("The repository root was not found."), "scripts", "make-key-certificate.sh");
        var path = System.IO.Path.Combine(folder, name + ".pfx");
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(12));
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(path);
        start.Environment["DATA_PROTECTION_CERTIFICATE_PASSWORD"] = password;
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var error = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, "make-key-certificate.sh failed: " + error.Result);
        using var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password);
        return new KeyRingCertificate(path, password, certificate.RawData);
    }

    /// <summary>The settings that make this the key ring's certificate.</summary>
    public IEnumerable<KeyValuePair<string, string?>> AsCurrent() =>
    [
        new("DataProtection:Certificate:Path", Path),
        new("DataProtection:Certificate:Password", Password),
    ];

    /// <summary>The settings that keep this as an older certificate, for reading only.</summary>
    public IEnumerable<KeyValuePair<string, string?>> AsPrevious(int index) =>
    [
        new($"DataProtection:Certificate:Previous:{index}:Path", Path),
        new($"DataProtection:Certificate:Previous:{index}:Password", Password),
    ];
}
