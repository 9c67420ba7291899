namespace Copilot.Api.Tenants;

/// <summary>
/// How a draft names the sources it cites (<c>Copilot:Tenants:{id}:CitationStyle</c>): the article's link, its
/// title, or nothing. A draft never carries the model's <c>[1]</c> markers: they mean nothing to a customer.
/// </summary>
public enum CitationStyle
{
    Link,
    Title,
    None,
}
