using System.ComponentModel.DataAnnotations;

namespace Inbox.Hosting.DataProtection;

/// <summary>How the shared Data Protection key ring is protected at rest.</summary>
public sealed class InboxDataProtectionOptions
{
    public const string SectionName = "Inbox:DataProtection";

    /// <summary>
    /// A PFX file with the certificate (and private key) that encrypts every key in the key ring. Required: keys are
    /// never stored in the clear. Every silo and gateway needs the same certificate.
    /// </summary>
    [Required(ErrorMessage = "Inbox:DataProtection:CertificatePath is required: a PFX certificate that encrypts the key ring at rest (./run.sh creates one in .data/).")]
    public string CertificatePath { get; set; } = "";

    /// <summary>The PFX file's password, if it has one.</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>
    /// Create a self-signed certificate at <see cref="CertificatePath"/> when the file is missing: for a single
    /// machine (the demo, tests). In production, provide the certificate instead.
    /// </summary>
    public bool CreateCertificateIfMissing { get; set; }
}
