using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Azure.Storage.Blobs;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Inbox.Hosting.DataProtection;

/// <summary>
/// One Data Protection key ring for every silo and gateway: kept in blob storage, each key encrypted with a
/// certificate. Gateways protect session cookies with it, silos protect channel credentials; purposes keep the two apart.
/// </summary>
public static class DataProtectionSetup
{
    /// <summary>The application name every process shares, so they all use the same keys.</summary>
    public const string ApplicationName = "inbox";

    /// <summary>The blob container of the key ring.</summary>
    public const string ContainerName = "dataprotection-keys";

    public static IServiceCollection AddInboxDataProtection(this IServiceCollection services, IConfiguration configuration)
    {
        var storage = InboxConfiguration.Read<InboxStorageOptions>(configuration, InboxStorageOptions.SectionName);
        var options = InboxConfiguration.Read<InboxDataProtectionOptions>(configuration, InboxDataProtectionOptions.SectionName);
        var certificate = LoadCertificate(options);
        var container = new BlobServiceClient(storage.ConnectionString).GetBlobContainerClient(ContainerName);
        services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .AddKeyManagementOptions(o => o.XmlRepository = new BlobXmlRepository(container))
            .ProtectKeysWithCertificate(certificate)
            .UnprotectKeysWithAnyCertificate(certificate);
        return services;
    }

    private static X509Certificate2 LoadCertificate(InboxDataProtectionOptions options)
    {
        var path = Path.GetFullPath(options.CertificatePath);
        if (!File.Exists(path))
        {
            if (!options.CreateCertificateIfMissing)
            {
                throw new InvalidOperationException($"The Data Protection certificate '{path}' does not exist (Inbox:DataProtection:CertificatePath).");
            }

            CreateCertificate(path, options.CertificatePassword);
        }

        return X509CertificateLoader.LoadPkcs12FromFile(path, options.CertificatePassword, X509KeyStorageFlags.EphemeralKeySet);
    }

    // Written to a temporary file and moved into place, so a silo and a gateway starting together agree on one file.
    private static void CreateCertificate(string path, string? password)
    {
        using var key = RSA.Create(3072);
        var request = new CertificateRequest("CN=Inbox Data Protection", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.DataEncipherment, critical: true));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(10));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + "." + Guid.NewGuid().ToString("N");
        File.WriteAllBytes(temporary, certificate.Export(X509ContentType.Pfx, password));
        try
        {
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary);
        }
    }
}
