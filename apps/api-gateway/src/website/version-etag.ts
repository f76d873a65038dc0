/** A customer's version as an entity tag (RFC 9110 §8.8.3): what GET sends and If-Match sends back. */
export function versionEtag(version: number): string {
  return `"${version}"`;
}
