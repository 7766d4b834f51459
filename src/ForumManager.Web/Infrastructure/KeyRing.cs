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

    private KeyRingCertificates(X509Certificate2? current, IReadOnlyList<X509Certificate2> previous, bool acceptUnreadableKeys)
    {
        Current = current;
        Previous = previous;
        AcceptUnreadableKeys = acceptUnreadableKeys;
    }

    public X509Certificate2? Current { get; }

    public IReadOnlyList<X509Certificate2> Previous { get; }

    /// <summary>
    /// <c>DataProtection:Certificate:AcceptUnreadableKeys</c>: start in Production even though no stored key can be
    /// decrypted, for when the certificate that encrypted them is lost for good (what they protect stays unreadable).
    /// </summary>
    public bool AcceptUnreadableKeys { get; }

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

        var accept = section[nameof(AcceptUnreadableKeys)];
        var acceptUnreadableKeys = false;
        if (!string.IsNullOrWhiteSpace(accept) && !bool.TryParse(accept, out acceptUnreadableKeys))
        {
            failures.Add($"{Section}:{nameof(AcceptUnreadableKeys)} is \"{accept}\"; it is true or false.");
        }

        if (failures.Count > 0)
        {
            throw new OptionsValidationException(Section, typeof(KeyRingCertificates), failures);
        }

        return new KeyRingCertificates(current, previous, acceptUnreadableKeys);
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
        builder.Services.AddSingleton<KeyRingStatus>();
        var dataProtection = builder.Services.AddDataProtection()
            .SetApplicationName("ForumManager")
            .PersistKeysToDbContext<ForumDbContext>();
        if (certificates.Current is { } current)
        {
            dataProtection.ProtectKeysWithCertificate(current).UnprotectKeysWithAnyCertificate([current, .. certificates.Previous]);
        }
    }

    /// <summary>
    /// Runs at every start, before anything reads a protected value, and does only what is left to do:
    /// <list type="number">
    /// <item>finds whether the stored keys can be decrypted with the configured certificates; when none can (a new
    /// certificate set without the old one as <c>Previous</c>), Production refuses to start, saying which certificate
    /// is missing, and elsewhere <c>/health</c> is Unhealthy;</item>
    /// <item>once a certificate is configured, retires the keys that were kept in the clear (a copy or backup taken
    /// before holds them): a new key, encrypted with the certificate, takes over at once and the old ones are revoked;</item>
    /// <item>encrypts with the current certificate every stored key not yet encrypted with it;</item>
    /// <item>encrypts again with the key in use every stored value still protected with a revoked key, and encrypts
    /// what an earlier release kept in the clear (outbox messages, uploaded imports);</item>
    /// <item>on SQLite, when anything that was in the clear has been rewritten, rebuilds the file so that no freed page
    /// keeps the old text.</item>
    /// </list>
    /// </summary>
    /// <exception cref="OptionsValidationException">In Production, when no stored key can be decrypted.</exception>
    public static async Task PrepareAsync(IServiceProvider services, ForumDbContext db, ILogger logger, CancellationToken ct)
    {
        var certificates = services.GetRequiredService<KeyRingCertificates>();
        var stored = await InspectAsync(services, db, ct);
        var status = services.GetRequiredService<KeyRingStatus>();
        status.Found(stored.Count, stored.Count(k => k.State == StoredKeyState.Unreadable));
        if (stored.Count > 0 && stored.All(k => k.State == StoredKeyState.Unreadable))
        {
            var problem = NoKeyReadable(stored, certificates);
            if (services.GetRequiredService<IHostEnvironment>().IsProduction() && !certificates.AcceptUnreadableKeys)
            {
                throw new OptionsValidationException(KeyRingCertificates.Section, typeof(KeyRingCertificates), [problem]);
            }

            status.NoKeyReadable(problem, certificates.AcceptUnreadableKeys);
            LogNoKeyReadable(logger, problem);
        }

        var clearKeys = stored.Where(k => k.State == StoredKeyState.Clear).Select(k => k.Id).ToHashSet();
        if (certificates.Current is not null)
        {
            KeyRingRotation.RetireClearKeys(services, clearKeys, logger);
        }

        await ProtectStoredKeysAsync(services, db, logger, ct);
        var clearValues = await KeyRingRotation.ProtectStoredValuesAsync(services, db, logger, ct);
        if (db.Database.IsSqlite() && ((certificates.Current is not null && clearKeys.Count > 0) || clearValues > 0))
        {
            await KeyRingRotation.RebuildSqliteFileAsync(db, logger, ct);
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

    /// <summary>Each stored key (not revocations) and whether its secret is in the clear, decrypts with a configured certificate, or does not.</summary>
    private static async Task<List<StoredKey>> InspectAsync(IServiceProvider services, ForumDbContext db, CancellationToken ct)
    {
        var certificates = services.GetRequiredService<KeyRingCertificates>();
        var decryptor = new EncryptedXmlDecryptor(services);
        var keys = new List<StoredKey>();
        foreach (var xml in await db.DataProtectionKeys.AsNoTracking().Select(k => k.Xml).ToListAsync(ct))
        {
            if (xml is null || XElement.Parse(xml) is not { Name.LocalName: "key" } key || !Guid.TryParse((string?)key.Attribute("id"), out var id))
            {
                continue;
            }

            var secrets = key.Descendants(EncryptedSecret).ToList();
            var unreadable = secrets.FirstOrDefault(secret => !(certificates.Current is { } current && IsFor(secret, current)) && !Decrypts(decryptor, secret));
            keys.Add(unreadable is not null
                ? new StoredKey(id, StoredKeyState.Unreadable, EncryptedFor(unreadable))
                : new StoredKey(id, secrets.Count == 0 ? StoredKeyState.Clear : StoredKeyState.Encrypted, null));
        }

        return keys;
    }

    private static bool Decrypts(EncryptedXmlDecryptor decryptor, XElement secret)
    {
        try
        {
            decryptor.Decrypt(secret.Elements().Single());
            return true;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    /// <summary>The certificate an encrypted key names (XML Encryption puts it in KeyInfo), as an operator would find it: subject and thumbprint.</summary>
    private static string? EncryptedFor(XElement secret)
    {
        try
        {
            var raw = secret.Descendants(X509Certificate).Select(c => Convert.FromBase64String(c.Value)).FirstOrDefault();
            if (raw is null)
            {
                return null;
            }

            using var certificate = X509CertificateLoader.LoadCertificate(raw);
            return $"{certificate.Subject} (thumbprint {certificate.Thumbprint})";
        }
        catch (Exception e) when (e is FormatException or CryptographicException)
        {
            return null;
        }
    }

    /// <summary>
    /// What an operator reads when no stored key can be decrypted: what it means, which certificate is missing, what to
    /// set. Short enough for one log line (<see cref="LoggedValues.MaxLength"/>).
    /// </summary>
    private static string NoKeyReadable(IReadOnlyList<StoredKey> keys, KeyRingCertificates certificates)
    {
        var missing = keys.Select(k => k.EncryptedFor).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var which = missing.Count == 0 ? "a certificate" : string.Join(" and ", missing);
        var section = KeyRingCertificates.Section;
        var setting = certificates.Current is null ? section : $"{section}:Previous:{certificates.Previous.Count}";
        return $"None of the {keys.Count} stored Data Protection keys can be decrypted, so no passport number or date of birth stored so " +
            $"far can be read: they are encrypted with {which}, which is not configured. Set {setting}:Path and :Password to that " +
            $"certificate and start again. If it is lost for good, {section}:AcceptUnreadableKeys=true starts anyway.";
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

    private enum StoredKeyState
    {
        Clear,
        Encrypted,
        Unreadable,
    }

    private sealed record StoredKey(Guid Id, StoredKeyState State, string? EncryptedFor);

    [LoggerMessage(Level = LogLevel.Information, Message = "Encrypted {Count} stored Data Protection keys with the key ring certificate {Thumbprint}.")]
    private static partial void LogKeysProtected(ILogger logger, int count, string thumbprint);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The Data Protection key {Key} is encrypted with a certificate that is not configured; it was left as it is.")]
    private static partial void LogKeyNotReadable(ILogger logger, string? key);

    [LoggerMessage(Level = LogLevel.Critical, Message = "{Problem}")]
    private static partial void LogNoKeyReadable(ILogger logger, string problem);
}
