using System.Xml.Linq;
using Azure;
using Azure.Storage.Blobs;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Inbox.Hosting.DataProtection;

/// <summary>
/// Keeps the Data Protection key ring in blob storage, one blob per key, so every silo and gateway shares the same
/// keys: a session cookie issued by one gateway is read by any other, and secrets one silo encrypted are read by the
/// next. Written here because the Azure SDK's own package for this (Azure.Extensions.AspNetCore.DataProtection.Blobs)
/// is not available to this project; the interface is small. Data Protection calls it rarely (start-up, key rollover).
/// </summary>
public sealed class BlobXmlRepository(BlobContainerClient container) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        container.CreateIfNotExists();
        var elements = new List<XElement>();
        foreach (var blob in container.GetBlobs())
        {
            var content = container.GetBlobClient(blob.Name).DownloadContent().Value.Content;
            elements.Add(XElement.Parse(content.ToString()));
        }

        return elements;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        container.CreateIfNotExists();
        var blob = container.GetBlobClient($"{friendlyName}.xml");
        try
        {
            // Never overwrite: a key, once written, is what every process may already be using.
            blob.Upload(BinaryData.FromString(element.ToString(SaveOptions.DisableFormatting)), overwrite: false);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            container.GetBlobClient($"{friendlyName}-{Guid.NewGuid():N}.xml").Upload(BinaryData.FromString(element.ToString(SaveOptions.DisableFormatting)), overwrite: false);
        }
    }
}
