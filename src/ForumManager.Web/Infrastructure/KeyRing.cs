using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Xml.Linq;
using ForumManager.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ForumManager.Web.Infrastructure;

/// <summary>
/// The certificates that encrypt the Data Protection key ring, which lives in the database beside the passport data
/// it protects: without them a copy of the database would hold both the lock and the key. <c>Current</c> encrypts
/// (<c>DataProtection:Certificate:Path</c> and <c>:Password</c>); <c>Previous</c> (<c>DataProtection:Certificate:Previous:N:Path</c>
/// and <c>:Password</c>) only decrypts, so a certificate can be replaced.
/// </summary>
public sealed class KeyRingCertificates
{
    public const string Section = "DataProtection:Certificate";

    private KeyRingCertificates(X509Certificate2? current, IReadOnlyList<X509Certificate2> previous)
    {
        Current = current;
        Previous = previous;
    }

    public X509Certificate2? Current { get; }

    public IReadOnlyList<X509Certificate2> Previous { get; }

    /// <summary>
    /// Reads the certificates the settings name. A certificate that is named but cannot be used stops the app in any
    /// environment; none at all stops it in Production only, since Development, tests and the demo hold no real passports.
    /// </summary>
    public static KeyRingCertificates Load(IConfiguration configuration, IHostEnvironment environment)
    {
        var section = configuration.GetSection(Section);
        var failures = new List<string>();
        var current = Open(section, Section, environment.ContentRootPath, failures);
        var previous = section.GetSection("Previous").GetChildren()
            .Select(child => Open(child, $"{Section}:Previous:{child.Key}", environment.ContentRootPath, failures))
            .OfType<X509Certificate2>()
            .ToList();

        if (current is null && failures.Count == 0 && environment.IsProduction())
        {
            failures.Add(
                $"{Section}:Path is not set. In Production the key ring that encrypts passport numbers and dates of birth must itself be " +
                $"encrypted with a certificate kept outside the database: make one with scripts/make-key-certificate.sh, then set " +
                $"{Section}:Path and {Section}:Password (environment variables DataProtection__Certificate__Path and " +
                "DataProtection__Certificate__Password, or a secret).");
        }
        else if (current is null && previous.Count > 0)
        {
            failures.Add($"{Section}:Previous is set but {Section}:Path is not: the newest certificate goes in Path, older ones in Previous.");
        }

        if (failures.Count > 0)
        {
            throw new OptionsValidationException(Section, typeof(KeyRingCertificates), failures);
        }

        return new KeyRingCertificates(current, previous);
    }

    private static X509Certificate2? Open(IConfigurationSection settings, string name, string contentRoot, List<string> failures)
    {
        var path = settings["Path"];
        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }

        path = Path.GetFullPath(path, contentRoot);
        if (!File.Exists(path))
        {
            failures.Add($"{name}:Path names {path}, which does not exist.");
            return null;
        }

        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, settings["Password"]);
        }
        catch (CryptographicException e)
        {
            failures.Add($"{name}:Path ({path}) could not be opened with {name}:Password: {e.Message}");
            return null;
        }

        using var key = certificate.GetRSAPrivateKey();
        if (key is null)
        {
            failures.Add($"{name}:Path ({path}) holds no RSA private key, which the key ring needs; scripts/make-key-certificate.sh makes one.");
            certificate.Dispose();
            return null;
        }

        return certificate;
    }
}

public static partial class KeyRing
{
    private static readonly XNamespace DataProtectionNamespace = "http://schemas.asp.net/2015/03/dataProtection";
    private static readonly XName EncryptedSecret = DataProtectionNamespace + "encryptedSecret";
    private static readonly XName RequiresEncryption = DataProtectionNamespace + "requiresEncryption";
    private static readonly XName X509Certificate = XNamespace.Get("http://www.w3.org/2000/09/xmldsig#") + "X509Certificate";

    /// <summary>Keys in the database (shared by every instance), encrypted with the configured certificate when there is one.</summary>
    public static void AddForumKeyRing(this WebApplicationBuilder builder)
    {
        var certificates = KeyRingCertificates.Load(builder.Configuration, builder.Environment);
        builder.Services.AddSingleton(certificates);
        var dataProtection = builder.Services.AddDataProtection()
            .SetApplicationName("ForumManager")
            .PersistKeysToDbContext<ForumDbContext>();
        if (certificates.Current is { } current)
        {
            dataProtection.ProtectKeysWithCertificate(current).UnprotectKeysWithAnyCertificate([current, .. certificates.Previous]);
        }
    }

    /// <summary>
    /// Encrypts with the current certificate every stored key that is not yet encrypted with it: keys written before a
    /// certificate was configured (in the clear) and keys encrypted with a previous certificate, so that once this has
    /// run the previous certificate is no longer needed. Returns how many keys were rewritten.
    /// </summary>
    public static async Task<int> ProtectStoredKeysAsync(IServiceProvider services, ForumDbContext db, ILogger logger, CancellationToken ct)
    {
        var certificates = services.GetRequiredService<KeyRingCertificates>();
        if (certificates.Current is not { } current)
        {
            return 0;
        }

        var encryptor = new CertificateXmlEncryptor(current, services.GetRequiredService<ILoggerFactory>());
        var decryptor = new EncryptedXmlDecryptor(services);
        var rewritten = 0;
        foreach (var row in await db.DataProtectionKeys.ToListAsync(ct))
        {
            if (row.Xml is null)
            {
                continue;
            }

            var key = XElement.Parse(row.Xml);
            var changed = false;
            foreach (var secret in key.Descendants(EncryptedSecret).Where(s => !IsFor(s, current)).ToList())
            {
                try
                {
                    secret.ReplaceWith(decryptor.Decrypt(secret.Elements().Single()));
                    changed = true;
                }
                catch (CryptographicException)
                {
                    // Encrypted for a certificate that is not configured: left as it is, readable again once that certificate is given.
                    LogKeyNotReadable(logger, row.FriendlyName);
                }
            }

            foreach (var secret in key.Descendants().Where(e => (bool?)e.Attribute(RequiresEncryption) == true).ToList())
            {
                var encrypted = encryptor.Encrypt(secret);
                secret.ReplaceWith(new XElement(EncryptedSecret,
                    new XAttribute("decryptorType", encrypted.DecryptorType.AssemblyQualifiedName!),
                    encrypted.EncryptedElement));
                changed = true;
            }

            if (changed)
            {
                row.Xml = key.ToString(SaveOptions.DisableFormatting);
                rewritten++;
            }
        }

        await db.SaveChangesAsync(ct);
        if (rewritten > 0)
        {
            LogKeysProtected(logger, rewritten, current.Thumbprint);
        }

        return rewritten;
    }

    /// <summary>Whether an encrypted key names <paramref name="certificate"/> as the one it is encrypted to (XML Encryption puts it in KeyInfo).</summary>
    private static bool IsFor(XElement secret, X509Certificate2 certificate) =>
        secret.Descendants(X509Certificate).Any(c =>
        {
            try
            {
                return Convert.FromBase64String(c.Value).AsSpan().SequenceEqual(certificate.RawData);
            }
            catch (FormatException)
            {
                return false;
            }
        });

    [LoggerMessage(Level = LogLevel.Information, Message = "Encrypted {Count} stored Data Protection keys with the key ring certificate {Thumbprint}.")]
    private static partial void LogKeysProtected(ILogger logger, int count, string thumbprint);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The Data Protection key {Key} is encrypted with a certificate that is not configured; it was left as it is.")]
    private static partial void LogKeyNotReadable(ILogger logger, string? key);
}
